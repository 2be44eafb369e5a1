/**
 * Contract-shaped API payloads for tests, from the partnership facts (shared/FACTS.md).
 * Only the network boundary is faked; everything above fetch is the real code.
 */
import type { Me } from "@/features/auth/api/get-me";
import type { ClusterProfile } from "@/features/partnership/api/get-cluster";
import type { Indicator, RegionDetail, S3Priority } from "@/features/partnership/api/get-region";
import type { PriorityOverlap } from "@/features/partnership/api/get-priority-overlap";
import type { Scorecard, ScorecardValue } from "@/features/partnership/api/get-scorecard";
import type { Region } from "@/lib/regions";
import type { Priority } from "@/features/partnership/api/get-priorities";
import type { MapPoint, MapPointsResponse } from "@/features/opportunities/api/get-map-points";
import type { OpportunityDetail } from "@/features/opportunities/api/get-opportunity";
import type { InterestedPerson } from "@/features/opportunities/api/get-opportunity-interests";
import type { SavedSearch } from "@/features/opportunities/api/get-saved-searches";
import type { OpportunityHit, OpportunitySearchPage } from "@/features/opportunities/api/search-opportunities";
import type { ClusterSummary } from "@/features/registry/api/get-clusters";
import type { Duplicate } from "@/features/registry/api/get-duplicates";
import type { ImportRunPage } from "@/features/registry/api/get-imports";
import type { MatchingAnswer } from "@/features/registry/api/get-matching-opportunities";
import type { Organisation } from "@/features/registry/api/get-organisation";
import type { ImportReport } from "@/features/registry/api/import-organisations";
import type { OrganisationHit, OrganisationSearchAnswer } from "@/features/registry/api/search-organisations";
import type { AssignmentDetail, Review } from "@/features/evaluation/api/get-assignment";
import type { EvaluationProposal } from "@/features/evaluation/api/get-evaluation-proposals";
import type { Evaluator } from "@/features/evaluation/api/get-evaluators";
import type { Feedback } from "@/features/evaluation/api/get-feedback";
import type { AssignmentSummary } from "@/features/evaluation/api/get-my-assignments";
import type { ConflictDeclaration } from "@/features/evaluation/api/get-my-conflicts";
import type { EvaluatorProfile } from "@/features/evaluation/api/get-my-evaluator-profile";
import type { OrganisationOption } from "@/features/evaluation/api/search-organisations";
import type { MailMessage } from "@/features/notifications/api/get-mail-log";
import type { Notification } from "@/features/notifications/api/get-notifications";
import type { Comparison as ProposalComparison } from "@/features/proposals/api/compare-versions";
import type { Attachment as ProposalAttachment } from "@/features/proposals/api/get-attachments";
import type { Call as ProposalCall } from "@/features/proposals/api/get-call";
import type { CallSummary as ProposalCallSummary } from "@/features/proposals/api/get-calls";
import type { Pipeline as ProposalPipeline } from "@/features/proposals/api/get-pipeline";
import type { Proposal as ProposalDetail } from "@/features/proposals/api/get-proposal";
import type { ProposalListItem } from "@/features/proposals/api/get-proposals";
import type { StageCounts as ProposalStageCounts } from "@/features/proposals/api/get-stage-counts";
import type { TimelineEntry as ProposalTimelineEntry } from "@/features/proposals/api/get-timeline";
import type { TransitionOptions as ProposalTransitions } from "@/features/proposals/api/get-transitions";
import type { VersionSummary as ProposalVersionSummary } from "@/features/proposals/api/get-versions";
import type { OrganisationChoice } from "@/features/proposals/api/search-organisations";

export const ME: Me = {
  id: "5a1f0b7e-3c1d-4f3a-9f43-0d2b6c0c9a01",
  email: "manager.iti1@demo.tex4im.eu",
  display_name: "Giulia Demo",
  locale: "en",
  memberships: [
    { role: "cluster_manager", region: "ITI1", organisation_id: "0f0e7c62-5d47-4a4f-8d2a-5a9d3a4d0001" },
    { role: "evaluator", region: "ITC1", organisation_id: null },
    { role: "consortium_admin", region: null, organisation_id: null },
  ],
};

type RegionSeed = [
  code: string,
  name: string,
  country: string,
  lon: number,
  lat: number,
  area: number,
  acronym: string,
  cluster: string,
  managedBy: string | null,
];

const SEEDS: RegionSeed[] = [
  ["CZ05", "Severovýchod", "CZ", 15.78, 50.278, 12443, "CLUTEX", "Klastr technické textilie", null],
  ["ES52", "Comunitat Valenciana", "ES", -0.54, 39.395, 23255, "ATEVAL", "ATEVAL", null],
  ["FRE1", "Nord-Pas-de-Calais", "FR", 2.71, 50.479, 12438, "EURAMATERIALS", "EuraMaterials (UP-tex)", null],
  ["ITC1", "Piemonte", "IT", 7.919, 45.063, 25401, "PO.IN.TEX", "Città Studi Biella", null],
  ["ITI1", "Toscana", "IT", 11.131, 43.479, 22985, "OTIR2020", "Tuscany Fashion Cluster", "Next Technology Tecnotessile"],
  ["PT11", "Norte", "PT", -7.693, 41.453, 21285, "CITEVE", "Portuguese Textile Cluster", null],
  ["RO21", "Nord-Est", "RO", 26.695, 47.089, 36851, "ASTRICO", "ASTRICO NORD-EST", null],
  ["SE23", "Västsverige", "SE", 12.872, 58.111, 34597, "SMART TEXTILES", "Smart Textiles (Borås)", null],
];

export const REGIONS: Region[] = SEEDS.map(([code, name, country, lon, lat, area, acronym, cluster, managedBy], index) => ({
  code,
  name,
  country_code: country,
  nuts_uri: `http://data.europa.eu/nuts/code/${code}`,
  label_point: { lon, lat },
  area_km2: area,
  clusters: [
    {
      id: `00000000-0000-4000-8000-00000000000${index + 1}`,
      name: cluster,
      acronym,
      managed_by: managedBy,
      is_partner: true,
      is_coordinator: code === "ITI1",
    },
  ],
}));

const FIGURES: Record<string, RegionDetail["figures"]> = {
  ITI1: [
    {
      statement: "6,627 local units; 41,251 employees",
      scope: "Prato textile district",
      year: 2021,
      source: "Confindustria Toscana Nord, reported by il manifesto, 2024-10-17",
    },
  ],
  RO21: [
    {
      statement: ">940 companies; 30,000 employees; 19% of Romania's textile exports",
      scope: "regional industry",
      year: null,
      source: "ADR Nord-Est (Invest North East)",
    },
  ],
};

export function regionDetail(code: string): RegionDetail | undefined {
  const region = REGIONS.find((candidate) => candidate.code === code);
  return (
    region && {
      ...region,
      figures: FIGURES[code] ?? [],
      indicators: REGION_INDICATORS[code] ?? [],
      s3_priorities: S3_PRIORITIES[code] ?? [],
    }
  );
}

export const PRIORITIES: Priority[] = [
  { code: "circular_economy", name: "Circular economy" },
  { code: "industry_4_0", name: "Industry 4.0" },
  { code: "digital_technologies", name: "Digital technologies" },
  { code: "advanced_materials", name: "Advanced materials" },
  { code: "creativity", name: "Creativity" },
];

// -- the opportunity map (features/opportunities) ------------------------------------------------------------

export const OPPORTUNITY_IDS = {
  yarn: "7d9c2a10-0000-4000-8000-000000000001",
  passport: "7d9c2a10-0000-4000-8000-000000000002",
  sensors: "7d9c2a10-0000-4000-8000-000000000003",
} as const;

export const ORGANISATION_ID = "0f0e7c62-5d47-4a4f-8d2a-5a9d3a4d0101";

type Hit = OpportunityHit;

export const OPPORTUNITY_HITS: Hit[] = [
  {
    type: "opportunity",
    id: OPPORTUNITY_IDS.yarn,
    kind: "business_cooperation",
    title: "Recycled cotton yarn partner wanted (demo)",
    summary: "A spinning mill in the Ave valley looks for a partner to turn post-consumer cotton into yarn.",
    region_codes: ["PT11"],
    country_codes: ["PT"],
    priorities: ["circular_economy"],
    deadline: "2099-12-31",
    budget_eur: "250000.00",
    status: "open",
    visibility: "public",
    lon: -8.29,
    lat: 41.45,
    rank: null,
    created_at: "2026-11-01T09:00:00Z",
    published_at: "2026-11-01T09:00:00Z",
  },
  {
    type: "opportunity",
    id: OPPORTUNITY_IDS.passport,
    kind: "technology_request",
    title: "Digital product passport pilot",
    summary: "Prato firms look for a provider of digital product passports for recycled wool.",
    region_codes: ["ITI1"],
    country_codes: ["IT"],
    priorities: ["digital_technologies", "circular_economy"],
    deadline: null,
    budget_eur: null,
    status: "open",
    visibility: "consortium",
    lon: null,
    lat: null,
    rank: null,
    created_at: "2026-11-02T09:00:00Z",
    published_at: "2026-11-02T09:00:00Z",
  },
  {
    type: "opportunity",
    id: OPPORTUNITY_IDS.sensors,
    kind: "rnd",
    title: "Smart textile sensors for workwear",
    summary: "R&D partners wanted for washable sensors in protective clothing.",
    region_codes: ["SE23"],
    country_codes: ["SE"],
    priorities: ["advanced_materials"],
    deadline: "2099-06-30",
    budget_eur: "1200000.50",
    status: "open",
    visibility: "public",
    lon: 12.94,
    lat: 57.72,
    rank: null,
    created_at: "2026-11-03T09:00:00Z",
    published_at: "2026-11-03T09:00:00Z",
  },
];

export const MAP_POINTS: MapPoint[] = [
  {
    type: "opportunity", id: OPPORTUNITY_IDS.yarn, lon: -8.29, lat: 41.45, label: "Recycled cotton yarn partner wanted (demo)",
    kind: "business_cooperation", priorities: ["circular_economy"], region: "PT11", approximate: false,
  },
  {
    // no point of its own: drawn at Toscana's label point
    type: "opportunity", id: OPPORTUNITY_IDS.passport, lon: 11.131, lat: 43.479, label: "Digital product passport pilot",
    kind: "technology_request", priorities: ["digital_technologies", "circular_economy"], region: "ITI1", approximate: true,
  },
  {
    type: "opportunity", id: OPPORTUNITY_IDS.sensors, lon: 12.94, lat: 57.72, label: "Smart textile sensors for workwear",
    kind: "rnd", priorities: ["advanced_materials"], region: "SE23", approximate: false,
  },
  {
    type: "organisation", id: ORGANISATION_ID, lon: -8.42, lat: 41.55, label: "Demo Spinning Mill",
    kind: "company", priorities: ["circular_economy"], region: "PT11", approximate: false,
  },
];

/** Disjunctive facet counts of the hits that pass every filter but the facet's own. */
export function facetsOf(hits: readonly Hit[], query: URLSearchParams): OpportunitySearchPage["facets"] {
  const filters = {
    region: query.getAll("region"),
    priority: query.getAll("priority"),
    kind: query.getAll("kind"),
  };
  const valuesOf = (hit: Hit, facet: keyof typeof filters): string[] =>
    facet === "region" ? hit.region_codes : facet === "priority" ? hit.priorities : [hit.kind];
  const passes = (hit: Hit, except: keyof typeof filters | null) =>
    (Object.keys(filters) as (keyof typeof filters)[]).every(
      (facet) => facet === except || filters[facet].length === 0 || valuesOf(hit, facet).some((v) => filters[facet].includes(v)),
    );
  const count = (facet: keyof typeof filters) => {
    const counts = new Map<string, number>();
    for (const hit of hits.filter((candidate) => passes(candidate, facet))) {
      for (const value of valuesOf(hit, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [...counts].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  return {
    region: count("region"),
    country: [],
    kind: count("kind"),
    priority: count("priority"),
    nace: [],
    status: [{ value: "open", count: hits.filter((hit) => passes(hit, null)).length }],
    deadline: [],
  };
}

/** The search as the API answers it: words, regions, priorities and kinds filtered like the real one. */
export function searchResult(query: URLSearchParams): OpportunitySearchPage {
  const q = (query.get("q") ?? "").toLowerCase();
  const regions = query.getAll("region");
  const priorities = query.getAll("priority");
  const kinds = query.getAll("kind");
  const items = OPPORTUNITY_HITS.filter(
    (hit) =>
      (!q || `${hit.title} ${hit.summary}`.toLowerCase().includes(q)) &&
      (!regions.length || hit.region_codes.some((code) => regions.includes(code))) &&
      (!priorities.length || hit.priorities.some((code) => priorities.includes(code))) &&
      (!kinds.length || kinds.includes(hit.kind)),
  );
  return { items, total: items.length, facets: facetsOf(OPPORTUNITY_HITS, query), next_cursor: null };
}

export function mapPointsResult(query: URLSearchParams): MapPointsResponse {
  const ids = new Set(searchResult(query).items.map((hit) => hit.id));
  const layers = (query.get("layers") ?? "organisations,opportunities").split(",");
  const points = MAP_POINTS.filter((point) =>
    point.type === "opportunity" ? layers.includes("opportunities") && ids.has(point.id) : layers.includes("organisations"),
  );
  return { points, truncated: false };
}

export function opportunityDetail(id: string, extra: Partial<OpportunityDetail> = {}): OpportunityDetail | undefined {
  const hit = OPPORTUNITY_HITS.find((candidate) => candidate.id === id);
  if (!hit) return undefined;
  return {
    id: hit.id,
    kind: hit.kind as OpportunityDetail["kind"],
    title: hit.title,
    summary: hit.summary,
    language: "en",
    priorities: hit.priorities,
    region_codes: hit.region_codes,
    country_codes: hit.country_codes,
    nace_codes: ["C13.10"],
    value_chain: ["yarn", "recycling"],
    point: hit.lon !== null && hit.lat !== null ? { lon: hit.lon, lat: hit.lat } : null,
    deadline: hit.deadline,
    budget_eur: hit.budget_eur,
    source: "Enterprise Europe Network",
    source_ref: "BRPT20261101001",
    link: "https://een.ec.europa.eu/partnering-opportunities/BRPT20261101001",
    status: hit.status as OpportunityDetail["status"],
    visibility: hit.visibility as OpportunityDetail["visibility"],
    owner_region_code: hit.region_codes[0] ?? "PT11",
    organisation_id: ORGANISATION_ID,
    published_at: hit.published_at,
    created_at: hit.created_at,
    updated_at: hit.created_at,
    version: 1,
    interest: { expressed: false, message: null, expressed_at: null },
    interest_count: null,
    ...extra,
  };
}

export const INTERESTED_PEOPLE: InterestedPerson[] = [
  {
    person_name: "Demo Company Member (Norte)",
    organisation_id: ORGANISATION_ID,
    organisation_name: "Demo Spinning Mill",
    region_code: "PT11",
    message: "We spin 400 t a year of recycled cotton.",
    expressed_at: "2026-11-20T10:30:00Z",
  },
];

export const SAVED_SEARCHES: SavedSearch[] = [
  {
    id: "5e5e5e5e-0000-4000-8000-000000000001",
    name: "Circular economy in Norte",
    target: "opportunities",
    criteria: { priority: ["circular_economy"], region: ["PT11"] },
    last_seen_at: "2026-11-10T09:00:00Z",
    created_at: "2026-11-01T09:00:00Z",
    updated_at: "2026-11-01T09:00:00Z",
    new_count: 2,
  },
  {
    id: "5e5e5e5e-0000-4000-8000-000000000002",
    name: "Smart textiles",
    target: "opportunities",
    criteria: { q: "sensors" },
    last_seen_at: "2026-11-20T09:00:00Z",
    created_at: "2026-11-05T09:00:00Z",
    updated_at: "2026-11-05T09:00:00Z",
    new_count: 0,
  },
];

// -- regions: indicators, S3 priorities, scorecard, priority overlap, cluster profiles (features/partnership) --

const PRATO = "Prato textile district; 2021 survey";
const PRATO_SOURCE = "Confindustria Toscana Nord, reported by il manifesto, 2024-10-17";

export const REGION_INDICATORS: Record<string, Indicator[]> = {
  ITI1: [
    {
      id: "1d1d1d1d-0000-4000-8000-000000000001",
      code: "textile_employees",
      label: "Employees in textiles",
      value: "41251",
      unit: "persons",
      year: 2021,
      scope: PRATO,
      quality: "secondary",
      source: PRATO_SOURCE,
      source_url: null,
    },
    {
      id: "1d1d1d1d-0000-4000-8000-000000000002",
      code: "textile_local_units",
      label: "Local units in textiles",
      value: "6627",
      unit: "local units",
      year: 2021,
      scope: PRATO,
      quality: "secondary",
      source: PRATO_SOURCE,
      source_url: null,
    },
  ],
  FRE1: [
    {
      id: "1d1d1d1d-0000-4000-8000-000000000003",
      code: "textile_employees",
      label: "Employees in textiles",
      value: "11680",
      unit: "persons",
      year: 2018,
      scope: "NUTS-1 Hauts-de-France; 2018",
      quality: "official",
      source: "Insee",
      source_url: "https://www.insee.fr/",
    },
  ],
  RO21: [
    {
      id: "1d1d1d1d-0000-4000-8000-000000000004",
      code: "textile_employees",
      label: "Employees in textiles",
      value: "30000",
      unit: "persons",
      year: null,
      scope: "regional industry; year not stated",
      quality: "secondary",
      source: "ADR Nord-Est (Invest North East)",
      source_url: null,
    },
  ],
};

export const S3_PRIORITIES: Record<string, S3Priority[]> = {
  ITI1: [
    {
      id: "53535353-0000-4000-8000-000000000001",
      position: 1,
      title: "Smart and sustainable fashion (demo entry)",
      description: "Recycled wool and digital product passports for the Prato district.",
      thematic_priorities: ["circular_economy", "digital_technologies"],
      source: "Demo data: not taken from the Toscana S3 strategy",
    },
  ],
};

function scorecardValue(indicator: Indicator): ScorecardValue {
  const { value, unit, year, scope, quality, source, source_url } = indicator;
  return { value, unit, year, scope, quality, source, source_url };
}

const EMPLOYEES = Object.fromEntries(
  REGIONS.map((region) => {
    const indicator = REGION_INDICATORS[region.code]?.find((candidate) => candidate.code === "textile_employees");
    return [region.code, indicator ? scorecardValue(indicator) : null];
  }),
);

export const SCORECARD: Scorecard = {
  regions: REGIONS.map((region, index) => ({
    code: region.code,
    name: region.name,
    country_code: region.country_code,
    platform: {
      organisations: region.code === "ITI1" ? 12 : index,
      opportunities_open: region.code === "ITI1" ? 4 : 0,
      interests: region.code === "ITI1" ? 7 : 0,
      cluster_members: region.code === "ITI1" ? 480 : 30 + index,
      escp_state: region.code === "PT11" ? "submitted" : "draft",
    },
  })),
  indicators: [
    {
      code: "textile_employees",
      label: "Employees in textiles",
      values: EMPLOYEES,
      units_differ: false,
      scopes_differ: true,
    },
  ],
};

const REGION_PRIORITY_CODES: Record<string, string[]> = {
  CZ05: ["advanced_materials"],
  ES52: ["circular_economy", "advanced_materials"],
  FRE1: ["advanced_materials", "creativity"],
  ITC1: ["circular_economy", "industry_4_0"],
  ITI1: ["circular_economy", "digital_technologies", "creativity"],
  PT11: ["circular_economy", "industry_4_0", "digital_technologies"],
  RO21: [],
  SE23: ["digital_technologies", "advanced_materials"],
};

export const PRIORITY_OVERLAP: PriorityOverlap = {
  priority_codes: PRIORITIES.map((priority) => priority.code),
  regions: REGIONS.map((region) => ({
    code: region.code,
    name: region.name,
    priorities: REGION_PRIORITY_CODES[region.code] ?? [],
  })),
  pairs: REGIONS.flatMap((a, index) =>
    REGIONS.slice(index + 1).map((b) => {
      const first = REGION_PRIORITY_CODES[a.code] ?? [];
      const second = REGION_PRIORITY_CODES[b.code] ?? [];
      const shared = first.filter((code) => second.includes(code));
      const either = new Set([...first, ...second]).size;
      return {
        region_a: a.code,
        region_b: b.code,
        shared,
        count: shared.length,
        jaccard: either ? shared.length / either : null,
      };
    }),
  ),
};

const TOSCANA_CLUSTER = REGIONS.find((region) => region.code === "ITI1")!.clusters[0]!;

export const CLUSTER_PROFILE: ClusterProfile = {
  id: TOSCANA_CLUSTER.id,
  name: "OTIR2020 – Tuscany Fashion Cluster",
  acronym: "OTIR2020",
  country_code: "IT",
  region_code: "ITI1",
  region_name: "Toscana",
  is_partner: true,
  is_coordinator: true,
  website_en: null,
  members_total: 480,
  esca_label: "silver",
  escp_state: "draft",
  managed_by: "Next Technology Tecnotessile",
  description: "The Tuscan fashion and textile cluster.",
  year_established: 2015,
  members_sme: 400,
  members_large: 60,
  members_research: 10,
  members_university: 5,
  members_public: 3,
  members_other: 2,
  management_fte: "1.5",
  industrial_ecosystems: ["Textiles"],
  nace_codes: ["C13", "C14"],
  s3_priorities: ["Fashion system"],
  esca_valid_until: "2099-12-31",
  support_programme: null,
  eccp_profile_url: null,
  partnership_agreement_signed_on: null,
  escp_state_changed_at: null,
  next_states: ["submitted"],
  ready: false,
  readiness: [
    { code: "management_fte", met: true, message: "Management of 1.5 FTE; ECCP needs at least 0.5 FTE." },
    { code: "committed_members", met: true, message: "480 committed members; ECCP needs at least 15." },
    {
      code: "member_types",
      met: true,
      message: "6 member types (SME, large, research, university, public, other); ECCP needs at least 2.",
    },
    { code: "english_website", met: false, message: "No English website; ECCP needs one." },
  ],
  state_history: [],
  version: 3,
};

// -- the organisation registry -------------------------------------------------------------------------------

export const REGISTRY_IDS = {
  lanificio: "7a000000-0000-4000-8000-000000000001",
  fibreLab: "7a000000-0000-4000-8000-000000000002",
  tessitura: "7a000000-0000-4000-8000-000000000003",
  merged: "7a000000-0000-4000-8000-000000000004",
  contact: "7c000000-0000-4000-8000-000000000001",
  duplicate: "7d000000-0000-4000-8000-000000000001",
  importRun: "7e000000-0000-4000-8000-000000000001",
  opportunity: "7f000000-0000-4000-8000-000000000001",
  toscanaCluster: "00000000-0000-4000-8000-000000000005",
} as const;

/** The partner clusters as GET /clusters lists them. */
export const REGISTRY_CLUSTERS: ClusterSummary[] = REGIONS.flatMap((region) =>
  region.clusters.map((cluster) => ({
    id: cluster.id,
    name: cluster.name,
    acronym: cluster.acronym,
    country_code: region.country_code,
    region_code: region.code,
    region_name: region.name,
    is_partner: cluster.is_partner,
    is_coordinator: cluster.is_coordinator,
    website_en: null,
    members_total: 0,
    esca_label: null,
    escp_state: "linked" as const,
  })),
);

function organisation(fields: Partial<Organisation> & Pick<Organisation, "id" | "name">): Organisation {
  return {
    kind: "company",
    vat_number: null,
    country_code: "IT",
    region_code: "ITI1",
    city: null,
    lon: null,
    lat: null,
    nace_codes: [],
    size_class: null,
    value_chain: [],
    capabilities: [],
    certifications: [],
    priorities: [],
    cluster_ids: [],
    website: null,
    description: null,
    language: "en",
    visibility: "public",
    merged_into_id: null,
    version: 1,
    created_at: "2026-10-01T09:00:00Z",
    updated_at: "2026-11-20T10:30:00Z",
    contacts: null,
    ...fields,
  };
}

export const REGISTRY_ORGANISATIONS: Organisation[] = [
  organisation({
    id: REGISTRY_IDS.lanificio,
    name: "Lanificio Demo Prato",
    vat_number: "IT01234567890",
    city: "Prato",
    nace_codes: ["C13.10", "C13.20", "C14.13"],
    size_class: "small",
    value_chain: ["yarn", "fabric", "recycling"],
    capabilities: ["carded wool", "regenerated wool"],
    certifications: ["GRS"],
    priorities: ["circular_economy", "advanced_materials"],
    website: "https://lanificio.example.com",
    description: "Carded wool spinning and weaving from post-consumer textiles.",
    cluster_ids: [REGISTRY_IDS.toscanaCluster],
    version: 3,
    contacts: [
      {
        id: REGISTRY_IDS.contact,
        name: "Anna Rossi",
        job_title: "Innovation manager",
        email: "anna.rossi@lanificio.example.com",
        phone: "+39 0574 000000",
      },
    ],
  }),
  organisation({
    id: REGISTRY_IDS.fibreLab,
    name: "Fibre Lab Norte",
    kind: "rnd_centre",
    country_code: "PT",
    region_code: "PT11",
    city: "Vila Nova de Famalicão",
    nace_codes: ["M72.19"],
    value_chain: ["fibre"],
    priorities: ["advanced_materials"],
    visibility: "consortium",
    language: "pt",
  }),
  organisation({
    id: REGISTRY_IDS.tessitura,
    name: "Tessitura Demo Biella",
    region_code: "ITC1",
    city: "Biella",
    nace_codes: ["C13.20"],
    size_class: "medium",
    priorities: ["industry_4_0"],
  }),
  organisation({
    id: REGISTRY_IDS.merged,
    name: "Lanificio Demo Prato S.r.l.",
    city: "Prato",
    vat_number: "IT01234567890",
    merged_into_id: REGISTRY_IDS.lanificio,
  }),
];

export function registryOrganisation(id: string): Organisation | undefined {
  return REGISTRY_ORGANISATIONS.find((candidate) => candidate.id === id);
}

function organisationHit(record: Organisation): OrganisationHit {
  return {
    type: "organisation",
    id: record.id,
    kind: record.kind,
    name: record.name,
    description: record.description,
    country_code: record.country_code,
    region_code: record.region_code,
    city: record.city,
    priorities: record.priorities,
    nace_codes: record.nace_codes,
    size_class: record.size_class,
    value_chain: record.value_chain,
    website: record.website,
    visibility: record.visibility,
    lon: record.lon,
    lat: record.lat,
    rank: null,
    created_at: record.created_at,
  };
}

const ORGANISATION_FACETS = ["region", "country", "kind", "priority", "nace", "size_class"] as const;
type OrganisationFacet = (typeof ORGANISATION_FACETS)[number];

function facetValues(record: Organisation, facet: OrganisationFacet): string[] {
  switch (facet) {
    case "region":
      return record.region_code ? [record.region_code] : [];
    case "country":
      return [record.country_code];
    case "kind":
      return [record.kind];
    case "priority":
      return record.priorities;
    case "nace":
      return [...new Set(record.nace_codes.map((code) => code.split(".")[0]!))];
    case "size_class":
      return record.size_class ? [record.size_class] : [];
  }
}

/** Like the API: every filter but a facet's own applies to its counts (disjunctive facets). */
export function organisationSearchResult(query: URLSearchParams): OrganisationSearchAnswer {
  const q = (query.get("q") ?? "").toLowerCase();
  const live = REGISTRY_ORGANISATIONS.filter((record) => !record.merged_into_id);
  const matches = (record: Organisation, except?: OrganisationFacet) =>
    (!q || `${record.name} ${record.city ?? ""} ${record.description ?? ""}`.toLowerCase().includes(q)) &&
    ORGANISATION_FACETS.every((facet) => {
      const wanted = query.getAll(facet);
      return facet === except || !wanted.length || facetValues(record, facet).some((value) => wanted.includes(value));
    });
  const found = live.filter((record) => matches(record));
  const facets = Object.fromEntries(
    ORGANISATION_FACETS.map((facet) => {
      const counts = new Map<string, number>();
      for (const record of live.filter((candidate) => matches(candidate, facet))) {
        for (const value of facetValues(record, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      const buckets = [...counts].map(([value, count]) => ({ value, count }));
      buckets.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      return [facet, buckets];
    }),
  ) as OrganisationSearchAnswer["facets"];
  const limit = Number(query.get("limit") ?? 50);
  const start = Number(query.get("cursor") ?? 0);
  const page = found.slice(start, start + limit);
  const next = start + limit < found.length ? String(start + limit) : null;
  return { items: page.map(organisationHit), next_cursor: next, total: found.length, facets };
}

export const REGISTRY_MATCHING: MatchingAnswer = {
  organisation: { id: REGISTRY_IDS.lanificio, name: "Lanificio Demo Prato" },
  candidates: 4,
  items: [
    {
      score: 82,
      opportunity: {
        type: "opportunity",
        id: REGISTRY_IDS.opportunity,
        kind: "technology_request",
        title: "Recycled wool blends for upholstery",
        summary: "A Portuguese upholsterer looks for regenerated wool yarn.",
        region_codes: ["ITI1", "PT11"],
        country_codes: ["IT", "PT"],
        priorities: ["circular_economy"],
        deadline: "2026-12-31",
        budget_eur: null,
        status: "open",
        visibility: "consortium",
        lon: null,
        lat: null,
        rank: null,
        created_at: "2026-11-01T09:00:00Z",
        published_at: "2026-11-01T09:00:00Z",
      },
      reasons: [
        {
          code: "shared_priorities",
          params: { priorities: ["circular_economy", "advanced_materials"] },
          text: "Shared priorities: circular economy, advanced textile materials.",
          points: 20,
        },
        { code: "nace_division", params: { divisions: ["C13"] }, text: "Same NACE division: C13.", points: 20 },
        {
          code: "value_chain_adjacent",
          params: { pairs: [["fabric", "finishing"]] },
          text: "Adjacent value-chain steps: fabric → finishing.",
          points: 8,
        },
        { code: "same_region", params: { region: "ITI1" }, text: "In your region (ITI1).", points: 12 },
        {
          code: "interregional",
          params: { regions: ["PT11"] },
          text: "Interregional: partnership region PT11.",
          points: 8,
        },
        {
          code: "deadline_open",
          params: { days_left: 40, deadline: "2026-12-31" },
          text: "Open for another 40 days (deadline 2026-12-31).",
          points: 5,
        },
        { code: "future_reason", params: {}, text: "A reason the SPA does not know yet.", points: 1 },
      ],
      mismatches: [
        {
          code: "no_keyword_overlap",
          params: {},
          text: "The request's words do not appear in your capabilities.",
          points: 0,
        },
      ],
    },
  ],
};

export const REGISTRY_DUPLICATES: Duplicate[] = [
  {
    id: REGISTRY_IDS.duplicate,
    reason: "same_vat_number",
    similarity: 1,
    status: "open",
    resolved_by: null,
    created_at: "2026-11-20T10:00:00Z",
    first: {
      id: REGISTRY_IDS.lanificio,
      name: "Lanificio Demo Prato",
      city: "Prato",
      vat_number: "IT01234567890",
      region_code: "ITI1",
    },
    second: {
      id: REGISTRY_IDS.merged,
      name: "Lanificio Demo Prato S.r.l.",
      city: "Prato",
      vat_number: "IT01234567890",
      region_code: "ITI1",
    },
  },
];

/** The report of organisations.csv: two rows accepted, one refused for two fields, one with a warning. */
export function importReport(dryRun: boolean): ImportReport {
  return {
    id: dryRun ? null : REGISTRY_IDS.importRun,
    target: "organisations",
    adapter: "csv",
    filename: "organisations.csv",
    dry_run: dryRun,
    rows_total: 3,
    rows_created: 1,
    rows_updated: 1,
    rows_refused: 1,
    created_at: dryRun ? null : "2026-11-24T09:15:00Z",
    warnings: ["Unknown column 'notes' ignored."],
    rows: [
      { row: 1, status: "created", id: dryRun ? null : REGISTRY_IDS.tessitura, label: "Tessitura Demo Biella", problems: [], warnings: [] },
      {
        row: 2,
        status: "updated",
        id: REGISTRY_IDS.lanificio,
        label: "Lanificio Demo Prato",
        problems: [],
        warnings: ["Possible duplicate of Lanificio Demo Prato S.r.l. (the same VAT number)."],
      },
      {
        row: 3,
        status: "refused",
        id: null,
        label: "Maglificio Senza Paese",
        problems: [
          { field: "country_code", message: "String should match pattern '^[A-Z]{2}$'" },
          { field: "kind", message: "Input should be 'company', 'rnd_centre', 'university', 'science_park', 'business_network' or 'investor'" },
        ],
        warnings: [],
      },
    ],
  };
}

export const IMPORT_RUNS: ImportRunPage = {
  items: [
    {
      id: REGISTRY_IDS.importRun,
      target: "organisations",
      adapter: "csv",
      filename: "organisations.csv",
      rows_total: 3,
      rows_created: 1,
      rows_updated: 1,
      rows_refused: 1,
      created_at: "2026-11-24T09:15:00Z",
    },
  ],
  next_cursor: null,
};

// -- the evaluator workspace, feedback and notifications (features/evaluation, features/notifications) ----------

export const EVALUATION_IDS = {
  call: "ca11ca11-0000-4000-8000-000000000001",
  proposalOpen: "0a0a0a0a-0000-4000-8000-000000000001",
  proposalSubmitted: "0a0a0a0a-0000-4000-8000-000000000002",
  proposalConflicted: "0a0a0a0a-0000-4000-8000-000000000003",
  assignmentOpen: "a5a5a5a5-0000-4000-8000-000000000001",
  assignmentSubmitted: "a5a5a5a5-0000-4000-8000-000000000002",
  me: "e7e7e7e7-0000-4000-8000-000000000001",
  colleague: "e7e7e7e7-0000-4000-8000-000000000002",
  declaration: "dcdcdcdc-0000-4000-8000-000000000001",
  organisation: "0f0e7c62-5d47-4a4f-8d2a-5a9d3a4d0201",
  leadOrganisation: "0f0e7c62-5d47-4a4f-8d2a-5a9d3a4d0202",
  partnerOrganisation: "0f0e7c62-5d47-4a4f-8d2a-5a9d3a4d0203",
  attachment: "a77a0000-0000-4000-8000-000000000001",
} as const;

const EVALUATION_CALL = { id: EVALUATION_IDS.call, code: "TEX4IM-2027-1", title: "TEX4IM 2027: circular textile investments" };

/** The rubric of the test call: weights 30/30/20/20, thresholds 3, 3, 2.5 and 3; overall 3. */
export const EVALUATION_CRITERIA: AssignmentDetail["criteria"] = [
  { key: "excellence", title: "Excellence", description: "Novelty and soundness.", weight: "30.00", share: "0.3000", threshold: "3.00" },
  { key: "impact", title: "Impact", description: "Effect on the regions' firms.", weight: "30.00", share: "0.3000", threshold: "3.00" },
  { key: "implementation", title: "Implementation", description: "Plan, team and budget.", weight: "20.00", share: "0.2000", threshold: "2.50" },
  { key: "interregional", title: "Interregional value", description: "Partners across regions.", weight: "20.00", share: "0.2000", threshold: "3.00" },
];

type FakeScore = { criterion: string; value: number | string; comment?: string };

/** The review the API would answer for these scores (the test call's rubric), computed independently of the SPA. */
export function evaluationReview(
  scores: readonly FakeScore[],
  { comment = "", version = 1, status = "assigned", assignmentId = EVALUATION_IDS.assignmentOpen }: {
    comment?: string;
    version?: number;
    status?: Review["status"];
    assignmentId?: string;
  } = {},
): Review {
  const given = new Map(scores.map((score) => [score.criterion, score]));
  const weights = EVALUATION_CRITERIA.reduce((sum, criterion) => sum + Number(criterion.weight), 0);
  const points = EVALUATION_CRITERIA.reduce(
    (sum, criterion) => sum + Number(criterion.weight) * Number(given.get(criterion.key)?.value ?? 0),
    0,
  );
  const lines = EVALUATION_CRITERIA.map((criterion) => {
    const score = given.get(criterion.key);
    const value = score === undefined ? null : Number(score.value).toFixed(1);
    return {
      criterion: criterion.key,
      title: criterion.title,
      value,
      comment: score?.comment ?? "",
      threshold: criterion.threshold,
      passed: value === null ? null : Number(value) >= Number(criterion.threshold),
    };
  });
  const total = (Math.round((points / weights) * 100) / 100).toFixed(2);
  const missing = lines.filter((line) => line.value === null).map((line) => line.criterion);
  return {
    assignment_id: assignmentId,
    status,
    version,
    comment,
    submitted_at: status === "submitted" ? "2026-11-20T10:00:00Z" : null,
    scores: lines,
    total,
    overall_threshold: "3.00",
    passed: missing.length ? null : lines.every((line) => line.passed) && Number(total) >= 3,
    missing,
    comments_missing: lines.filter((line) => line.passed === false && !line.comment.trim()).map((line) => line.criterion),
  };
}

const OPEN_PROPOSAL = {
  id: EVALUATION_IDS.proposalOpen,
  reference: "TEX-ITI1-007",
  title: "Regenerated carded wool from post-consumer knitwear",
  acronym: "RECARD",
  region_code: "ITI1",
};

const SUBMITTED_PROPOSAL = {
  id: EVALUATION_IDS.proposalSubmitted,
  reference: "TEX-PT11-003",
  title: "Recycled cotton yarn at industrial scale",
  acronym: "COTTONLOOP",
  region_code: "PT11",
};

export const MY_ASSIGNMENTS: AssignmentSummary[] = [
  {
    id: EVALUATION_IDS.assignmentOpen,
    status: "assigned",
    reason: "automatic",
    proposal: OPEN_PROPOSAL,
    call: EVALUATION_CALL,
    due_at: "2099-12-31T12:00:00Z",
    progress: { scored: 1, criteria: 4 },
    submitted_at: null,
    version: 2,
  },
  {
    id: EVALUATION_IDS.assignmentSubmitted,
    status: "submitted",
    reason: "divergence",
    proposal: SUBMITTED_PROPOSAL,
    call: EVALUATION_CALL,
    due_at: "2020-01-31T12:00:00Z",
    progress: { scored: 4, criteria: 4 },
    submitted_at: "2026-11-20T10:00:00Z",
    version: 5,
  },
];

export const EVALUATION_ORGANISATIONS: OrganisationOption[] = [
  { id: EVALUATION_IDS.organisation, name: "Lanificio Valutazioni (demo)", kind: "company", region_code: "ITC1" },
  { id: EVALUATION_IDS.leadOrganisation, name: "Filatura Toscana (demo)", kind: "company", region_code: "ITI1" },
  { id: EVALUATION_IDS.partnerOrganisation, name: "Fiação do Norte (demo)", kind: "company", region_code: "PT11" },
];

export const EVALUATOR_PROFILE: EvaluatorProfile = {
  id: EVALUATION_IDS.me,
  subject: ME.id,
  name: "Giulia Demo",
  organisation: { id: EVALUATION_IDS.organisation, name: "Lanificio Valutazioni (demo)", region_code: "ITC1" },
  region_code: "ITC1",
  expertise: ["circular_economy"],
  languages: ["en", "it"],
  max_load: 5,
  active: true,
  load: 2,
  created_at: "2026-10-01T08:00:00Z",
  updated_at: "2026-10-01T08:00:00Z",
};

export const EVALUATION_PROPOSALS: EvaluationProposal[] = [
  {
    id: EVALUATION_IDS.proposalOpen,
    reference: OPEN_PROPOSAL.reference,
    title: OPEN_PROPOSAL.title,
    acronym: OPEN_PROPOSAL.acronym,
    call_id: EVALUATION_IDS.call,
    lead: { id: EVALUATION_IDS.leadOrganisation, name: "Filatura Toscana (demo)", region_code: "ITI1" },
    partners: [{ id: EVALUATION_IDS.partnerOrganisation, name: "Fiação do Norte (demo)", region_code: "PT11" }],
    conflicts: [],
  },
  {
    id: EVALUATION_IDS.proposalConflicted,
    reference: "TEX-ITC1-002",
    title: "Wool-based technical fabrics for protective wear",
    acronym: "WOOLTECH",
    call_id: EVALUATION_IDS.call,
    lead: { id: EVALUATION_IDS.organisation, name: "Lanificio Valutazioni (demo)", region_code: "ITC1" },
    partners: [],
    conflicts: [{ kind: "lead_organisation", detail: "You work for Lanificio Valutazioni (demo), its lead." }],
  },
];

export const MY_CONFLICTS: ConflictDeclaration[] = [
  {
    id: EVALUATION_IDS.declaration,
    proposal: null,
    organisation: { id: EVALUATION_IDS.partnerOrganisation, name: "Fiação do Norte (demo)", region_code: "PT11" },
    reason: "I was on its board until 2025.",
    declared_at: "2026-10-02T09:00:00Z",
    withdrawn_from: [],
  },
];

/** The open assignment: the frozen proposal, the rubric and a review with Excellence scored 4. */
export function assignmentDetail(id: string = EVALUATION_IDS.assignmentOpen): AssignmentDetail | undefined {
  const summary = MY_ASSIGNMENTS.find((assignment) => assignment.id === id);
  if (!summary) return undefined;
  const submitted = summary.status === "submitted";
  const review = submitted
    ? evaluationReview(
        [
          { criterion: "excellence", value: 4, comment: "Sound method." },
          { criterion: "impact", value: 2.5, comment: "Few firms reached." },
          { criterion: "implementation", value: 3 },
          { criterion: "interregional", value: 3.5 },
        ],
        { comment: "A solid plan.", version: summary.version, status: "submitted", assignmentId: id },
      )
    : evaluationReview([{ criterion: "excellence", value: 4, comment: "Clear method." }], {
        version: summary.version,
        assignmentId: id,
      });
  return {
    id,
    reason: summary.reason,
    due_at: summary.due_at,
    proposal: summary.proposal,
    stage: "evaluation",
    version: {
      number: 1,
      submitted_at: "2026-11-01T12:00:00Z",
      content: {
        format: 1,
        title: summary.proposal.title,
        acronym: summary.proposal.acronym,
        summary: "Sorting, fibre opening and carding of post-consumer wool knitwear into regenerated yarns.",
        priorities: ["circular_economy"],
        value_chain: ["recycling", "yarn"],
        trl: 6,
        budget_eur: "1800000.00",
        requested_eur: "900000.00",
        lead: { organisation_id: EVALUATION_IDS.leadOrganisation, name: "Filatura Toscana (demo)", region_code: "ITI1" },
        partners: [
          {
            organisation_id: EVALUATION_IDS.partnerOrganisation,
            name: "Fiação do Norte (demo)",
            region_code: "PT11",
            status: "confirmed",
            role_description: "Spinning trials",
          },
        ],
        fields: [
          { key: "market", label: "Target market", type: "long_text", private_to_evaluators: false },
          { key: "cost_sheet", label: "Detailed cost sheet", type: "long_text", private_to_evaluators: true },
          { key: "pilot_ready", label: "Pilot line ready", type: "boolean", private_to_evaluators: false },
        ],
        answers: { market: "Knitwear brands in Europe.", cost_sheet: "Carding line: €400,000.", pilot_ready: true },
        attachments: [
          {
            id: EVALUATION_IDS.attachment,
            kind: "budget",
            filename: "budget.xlsx",
            media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            size_bytes: 24_576,
            sha256: "0".repeat(64),
          },
        ],
      },
    },
    call: EVALUATION_CALL,
    criteria: EVALUATION_CRITERIA,
    review,
  };
}

export const EVALUATOR_POOL: Evaluator[] = [
  EVALUATOR_PROFILE,
  {
    id: EVALUATION_IDS.colleague,
    subject: "f0f0f0f0-0000-4000-8000-000000000002",
    name: "Ana Avaliadora",
    organisation: null,
    region_code: "PT11",
    expertise: ["industry_4_0", "digital_technologies"],
    languages: ["pt", "en"],
    max_load: 2,
    active: false,
    load: 3,
    created_at: "2026-10-03T08:00:00Z",
    updated_at: "2026-10-03T08:00:00Z",
  },
];

/** The applicants' feedback on the open proposal under each policy of the call. */
export function proposalFeedback(policy: Feedback["policy"]): Feedback {
  const withScores = policy !== "none";
  const withComments = policy === "scores_and_comments";
  return {
    proposal_id: EVALUATION_IDS.proposalOpen,
    reference: OPEN_PROPOSAL.reference,
    call: EVALUATION_CALL,
    outcome: "reserve",
    rank: 6,
    fundable_count: 9,
    released_at: "2026-12-15T10:00:00Z",
    policy,
    total: withScores ? "3.35" : null,
    overall_threshold: withScores ? "3.00" : null,
    passed: withScores ? false : null,
    scores: withScores
      ? [
          { criterion: "excellence", title: "Excellence", score: "4.0", threshold: "3.00", passed: true, comment: withComments ? "Convincing method." : null },
          { criterion: "impact", title: "Impact", score: "2.5", threshold: "3.00", passed: false, comment: withComments ? "Few firms reached." : null },
        ]
      : null,
    summary: withComments ? "A promising proposal held back by its reach." : null,
  };
}

export const NOTIFICATIONS: Notification[] = [
  {
    id: "40404040-0000-4000-8000-000000000001",
    audience: "evaluator",
    kind: "evaluation.assigned",
    title: "New proposal to evaluate: TEX-ITI1-007",
    body: "You were assigned TEX-ITI1-007 in call TEX4IM-2027-1.",
    link: `/evaluation/assignments/${EVALUATION_IDS.assignmentOpen}`,
    proposal_id: EVALUATION_IDS.proposalOpen,
    created_at: "2026-11-24T09:00:00Z",
    read: false,
    read_at: null,
  },
  {
    id: "40404040-0000-4000-8000-000000000002",
    audience: "admins",
    kind: "evaluation.divergence_detected",
    title: "Scores diverge on TEX-PT11-003",
    body: "Reviews differ by more than 1.5.",
    link: `/proposals/${EVALUATION_IDS.proposalSubmitted}/evaluation`,
    proposal_id: EVALUATION_IDS.proposalSubmitted,
    created_at: "2026-11-23T09:00:00Z",
    read: false,
    read_at: null,
  },
  {
    id: "40404040-0000-4000-8000-000000000003",
    audience: "person",
    kind: "proposal.partner_invited",
    title: "An old notification",
    body: "Read already.",
    link: "https://elsewhere.example/phishing",
    proposal_id: null,
    created_at: "2026-11-01T09:00:00Z",
    read: true,
    read_at: "2026-11-02T09:00:00Z",
  },
];

export const MAIL_LOG: MailMessage[] = [
  {
    id: "3a113a11-0000-4000-8000-000000000001",
    notification_id: NOTIFICATIONS[0]!.id,
    to_address: "evaluator@demo.tex4im.eu",
    subject_line: "New proposal to evaluate: TEX-ITI1-007",
    body: "You were assigned TEX-ITI1-007.\nOpen the workspace to score it.",
    status: "logged",
    error: null,
    created_at: "2026-11-24T09:00:01Z",
    sent_at: null,
  },
  {
    id: "3a113a11-0000-4000-8000-000000000002",
    notification_id: null,
    to_address: "manager.iti1@demo.tex4im.eu",
    subject_line: "Screening needed",
    body: "A proposal waits for screening.",
    status: "failed",
    error: "Connection refused by the SMTP server",
    created_at: "2026-11-23T09:00:01Z",
    sent_at: null,
  },
];

// -- proposals: the list, the board, one proposal and its tabs (features/proposals) ---------------------------

export const PROPOSAL_IDS = {
  call: "c0c0c0c0-0000-4000-8000-000000000001",
  draft: "b0b0b0b0-0000-4000-8000-000000000001",
  submitted: "b0b0b0b0-0000-4000-8000-000000000002",
  /** ME's organisation as a cluster manager's membership; a member of it is a lead author of the draft. */
  lead: "0f0e7c62-5d47-4a4f-8d2a-5a9d3a4d0001",
  partnerEs52: "0f0e7c62-5d47-4a4f-8d2a-5a9d3a4d0301",
  partnerPt11: "0f0e7c62-5d47-4a4f-8d2a-5a9d3a4d0302",
  attachment: "a7a7a7a7-0000-4000-8000-000000000001",
} as const;

export const PROPOSAL_ORGANISATIONS: OrganisationChoice[] = [
  { id: PROPOSAL_IDS.lead, name: "Lanificio Demo Prato", kind: "company", region_code: "ITI1" },
  { id: PROPOSAL_IDS.partnerEs52, name: "Tejidos Demo Valencia", kind: "company", region_code: "ES52" },
  { id: PROPOSAL_IDS.partnerPt11, name: "Fiação Demo Norte", kind: "company", region_code: "PT11" },
];

const PROPOSAL_STAGES: ProposalPipeline["stages"] = [
  { key: "draft", label: "Draft", kind: "initial", editable: true },
  { key: "submitted", label: "Submitted", kind: "active", editable: false },
  { key: "screening", label: "Screening", kind: "active", editable: false },
  { key: "evaluation", label: "Evaluation", kind: "active", editable: false },
  { key: "rejected", label: "Rejected", kind: "terminal", editable: false },
  { key: "withdrawn", label: "Withdrawn", kind: "terminal", editable: false },
];

export const PROPOSAL_PIPELINE: ProposalPipeline = {
  call_id: PROPOSAL_IDS.call,
  version: 3,
  stages: PROPOSAL_STAGES,
  transitions: [
    { key: "submit", label: "Submit", from_stage: "draft", to_stage: "submitted", actors: ["applicant"], guard: "submission_ready", comment_required: false },
    { key: "withdraw_draft", label: "Withdraw", from_stage: "draft", to_stage: "withdrawn", actors: ["applicant", "admin"], guard: null, comment_required: true },
    { key: "start_screening", label: "Start screening", from_stage: "submitted", to_stage: "screening", actors: ["region_manager", "admin"], guard: null, comment_required: false },
  ],
};

/** The open test call: two regions needed, and one question of each type (one private, one frozen). */
export const PROPOSAL_CALL: ProposalCall = {
  id: PROPOSAL_IDS.call,
  code: "TEX4IM-2027",
  title: "TEX4IM 2027: interregional textile pilots",
  kind: "dated",
  year: null,
  status: "published",
  phases: [
    { kind: "submission", opens_at: "2026-01-01T00:00:00Z", closes_at: "2099-12-31T23:00:00Z" },
  ],
  submission_open: true,
  eligible_priorities: ["circular_economy", "industry_4_0", "digital_technologies", "advanced_materials"],
  description: "Pilots across at least two partner regions.",
  min_partner_regions: 2,
  max_proposals_per_region: null,
  min_evaluators: 3,
  exclude_own_region_evaluators: false,
  divergence_threshold: "2.00",
  overall_threshold: "3.00",
  selected_count: 5,
  reserve_count: 2,
  max_selected_per_region: null,
  tie_breaks: ["higher_criterion"],
  feedback_policy: "scores_and_comments",
  decisions_released_at: null,
  fields: [
    { key: "market", label: "Target market", help_text: "Who buys the result, and where.", type: "long_text", required: true, private_to_evaluators: false, frozen_after: null, options: [], max_length: null },
    { key: "jobs", label: "Jobs created", help_text: "", type: "number", required: false, private_to_evaluators: false, frozen_after: null, options: [], max_length: null },
    { key: "fibre", label: "Main fibre", help_text: "", type: "choice", required: false, private_to_evaluators: false, frozen_after: null, options: ["wool", "cotton", "synthetics"], max_length: null },
    { key: "cofunded", label: "Co-funded by the region", help_text: "", type: "boolean", required: false, private_to_evaluators: false, frozen_after: null, options: [], max_length: null },
    { key: "website", label: "Project website", help_text: "", type: "url", required: false, private_to_evaluators: false, frozen_after: null, options: [], max_length: null },
    { key: "risks", label: "Commercial risks", help_text: "", type: "long_text", required: false, private_to_evaluators: true, frozen_after: null, options: [], max_length: null },
    { key: "intent", label: "Letter of intent reference", help_text: "", type: "text", required: false, private_to_evaluators: false, frozen_after: "2026-01-15T00:00:00Z", options: [], max_length: null },
  ],
  criteria: [],
  targets: [],
  pipeline: PROPOSAL_PIPELINE,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  version: 3,
};

export const PROPOSAL_CALL_SUMMARY: ProposalCallSummary = {
  id: PROPOSAL_CALL.id,
  code: PROPOSAL_CALL.code,
  title: PROPOSAL_CALL.title,
  kind: PROPOSAL_CALL.kind,
  year: PROPOSAL_CALL.year,
  status: PROPOSAL_CALL.status,
  phases: PROPOSAL_CALL.phases,
  submission_open: true,
  eligible_priorities: PROPOSAL_CALL.eligible_priorities,
};

const organisationOut = (choice: OrganisationChoice) => ({
  id: choice.id,
  name: choice.name,
  region_code: choice.region_code,
  kind: "company",
  country_code: choice.region_code?.slice(0, 2) ?? null,
  city: null,
  deleted: false,
});

/** The draft: led from Toscana, Valencia invited, priorities and budget set, the required market answer missing. */
export function proposalDetail(overrides: Partial<ProposalDetail> = {}): ProposalDetail {
  const [lead, es52] = PROPOSAL_ORGANISATIONS as [OrganisationChoice, OrganisationChoice, OrganisationChoice];
  return {
    id: PROPOSAL_IDS.draft,
    reference: "TEX4IM-2027-ITI1-001",
    call: { id: PROPOSAL_CALL.id, code: PROPOSAL_CALL.code, title: PROPOSAL_CALL.title },
    stage: { key: "draft", label: "Draft", kind: "initial", editable: true },
    title: "Regenerated wool for knitwear",
    acronym: "REWOOL",
    summary: "Sorting and carding post-consumer wool into new yarns.",
    priorities: ["circular_economy"],
    value_chain: ["recycling", "yarn"],
    trl: 5,
    budget_eur: "250000.00",
    requested_eur: "200000.00",
    region_code: "ITI1",
    lead: organisationOut(lead),
    partners: [
      {
        organisation: organisationOut(es52),
        region_code: "ES52",
        role_description: "Finishing trials",
        status: "invited",
        invited_at: "2026-11-20T09:00:00Z",
        answered_at: null,
      },
    ],
    answers: { fibre: "wool", risks: "Supply of sorted wool.", intent: "LOI-7" },
    created_by_name: "Giulia Demo",
    created_at: "2026-11-20T08:00:00Z",
    updated_at: "2026-11-20T09:00:00Z",
    submitted_version: 0,
    first_submitted_at: null,
    version: 4,
    permissions: { can_edit: true, can_manage_partners: true, can_answer_invitation: [], transitions: ["submit", "withdraw_draft"] },
    ...overrides,
  };
}

export const PROPOSAL_LIST: ProposalListItem[] = [
  {
    id: PROPOSAL_IDS.draft,
    reference: "TEX4IM-2027-ITI1-001",
    title: "Regenerated wool for knitwear",
    acronym: "REWOOL",
    call: { id: PROPOSAL_CALL.id, code: PROPOSAL_CALL.code },
    stage: { key: "draft", label: "Draft" },
    region_code: "ITI1",
    lead: { id: PROPOSAL_IDS.lead, name: "Lanificio Demo Prato", region_code: "ITI1" },
    partner_regions: ["ES52"],
    priorities: ["circular_economy"],
    trl: 5,
    requested_eur: "200000.00",
    submitted_version: 0,
    updated_at: "2026-11-20T09:00:00Z",
  },
  {
    id: PROPOSAL_IDS.submitted,
    reference: "TEX4IM-2027-PT11-001",
    title: "Digital twin of a spinning line",
    acronym: null,
    call: { id: PROPOSAL_CALL.id, code: PROPOSAL_CALL.code },
    stage: { key: "submitted", label: "Submitted" },
    region_code: "PT11",
    lead: { id: PROPOSAL_IDS.partnerPt11, name: "Fiação Demo Norte", region_code: "PT11" },
    partner_regions: ["ITI1", "ES52"],
    priorities: ["industry_4_0", "digital_technologies"],
    trl: 6,
    requested_eur: "90000.00",
    submitted_version: 1,
    updated_at: "2026-11-18T09:00:00Z",
  },
];

/** The list page the API would answer for these query parameters (filters applied, one page). */
export function proposalPage(query: URLSearchParams): { items: ProposalListItem[]; next_cursor: string | null } {
  const stages = query.getAll("stage");
  const regions = query.getAll("region");
  const priority = query.get("priority");
  const q = (query.get("q") ?? "").toLowerCase();
  const items = PROPOSAL_LIST.filter(
    (item) =>
      (!query.get("call_id") || item.call.id === query.get("call_id")) &&
      (!stages.length || stages.includes(item.stage.key)) &&
      (!regions.length || regions.includes(item.region_code)) &&
      (!priority || item.priorities.includes(priority)) &&
      (!q || `${item.reference} ${item.title} ${item.acronym ?? ""}`.toLowerCase().includes(q)),
  );
  return { items, next_cursor: null };
}

export function proposalStageCounts(query: URLSearchParams): ProposalStageCounts {
  const { items } = proposalPage(query);
  const stages = PROPOSAL_STAGES.map((stage) => ({
    key: stage.key,
    label: stage.label,
    count: items.filter((item) => item.stage.key === stage.key).length,
  })).filter((stage) => stage.count > 0);
  return { stages, total: items.length };
}

export const PROPOSAL_TRANSITIONS: ProposalTransitions = {
  stage: { key: "draft", label: "Draft" },
  transitions: [
    {
      key: "submit",
      label: "Submit",
      to_stage: { key: "submitted", label: "Submitted" },
      allowed: true,
      comment_required: false,
      guard: "submission_ready",
      unmet: [
        { field: "answers.market", message: "“Target market” must be answered", code: "required" },
        { field: "partners", message: "the lead and confirmed partners must come from at least 2 regions (now 1: ITI1)", code: "too_few_regions" },
      ],
    },
    {
      key: "withdraw_draft",
      label: "Withdraw",
      to_stage: { key: "withdrawn", label: "Withdrawn" },
      allowed: true,
      comment_required: true,
      guard: null,
      unmet: [],
    },
  ],
};

export const PROPOSAL_TIMELINE: ProposalTimelineEntry[] = [
  { id: "71717171-0000-4000-8000-000000000001", kind: "created", at: "2026-11-20T08:00:00Z", actor_name: "Giulia Demo", transition: null, from_stage: null, to_stage: "draft", comment: null, details: { reference: "TEX4IM-2027-ITI1-001" } },
  { id: "71717171-0000-4000-8000-000000000002", kind: "partner", at: "2026-11-20T09:00:00Z", actor_name: "Giulia Demo", transition: null, from_stage: null, to_stage: null, comment: null, details: { action: "invited", organisation_name: "Tejidos Demo Valencia", region_code: "ES52" } },
  { id: "71717171-0000-4000-8000-000000000003", kind: "transition", at: "2026-11-21T10:00:00Z", actor_name: "Giulia Demo", transition: "submit", from_stage: "draft", to_stage: "submitted", comment: "Ready for screening.", details: { version: 1 } },
];

export const PROPOSAL_VERSIONS: ProposalVersionSummary[] = [
  { number: 1, submitted_at: "2026-11-21T10:00:00Z", submitted_by_name: "Giulia Demo" },
  { number: 2, submitted_at: "2026-11-23T10:00:00Z", submitted_by_name: "Giulia Demo" },
];

export const PROPOSAL_COMPARISON: ProposalComparison = {
  from_version: 1,
  to_version: "current",
  changes: [
    { field: "title", label: "Title", change: "changed", item: null, before: "Regenerated wool", after: "Regenerated wool for knitwear", diff: null },
    {
      field: "summary",
      label: "Summary",
      change: "changed",
      item: null,
      before: "Carding post-consumer wool.",
      after: "Sorting and carding post-consumer wool into new yarns.",
      diff: [
        { op: "insert", text: "Sorting and " },
        { op: "delete", text: "Carding " },
        { op: "insert", text: "carding " },
        { op: "equal", text: "post-consumer " },
        { op: "delete", text: "wool." },
        { op: "insert", text: "wool into new yarns." },
      ],
    },
    { field: "priorities", label: "Thematic priorities", change: "added", item: "circular_economy", before: null, after: "circular_economy", diff: null },
    { field: "budget_eur", label: "Total budget (EUR)", change: "changed", item: null, before: "200000.00", after: "250000.00", diff: null },
    { field: "answers.fibre", label: "Main fibre", change: "added", item: null, before: null, after: "wool", diff: null },
  ],
};

export const PROPOSAL_ATTACHMENTS: ProposalAttachment[] = [
  {
    id: PROPOSAL_IDS.attachment,
    proposal_id: PROPOSAL_IDS.draft,
    kind: "budget",
    filename: "budget-2027.xlsx",
    media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    size_bytes: 48_213,
    sha256: "ab".repeat(32),
    uploaded_by: "subject",
    uploaded_at: "2026-11-20T09:30:00Z",
    removed_at: null,
    content_url: `/proposals/${PROPOSAL_IDS.draft}/attachments/${PROPOSAL_IDS.attachment}/content`,
  },
];

// -- calls, screening and the panel (features/calls, features/panel) -------------------------------------------------

import type { Call, Pipeline } from "@/features/calls/api/get-call";
import type { CallTargets } from "@/features/calls/api/get-call-targets";
import type { CallSummary } from "@/features/calls/api/get-calls";
import type { AutoAssignmentReport } from "@/features/panel/api/auto-assign";
import type { Assignment } from "@/features/panel/api/get-call-assignments";
import type { DecisionList } from "@/features/panel/api/get-decisions";
import type { Evaluation } from "@/features/panel/api/get-evaluation";
import type { Ranking } from "@/features/panel/api/get-ranking";
import type { Screening } from "@/features/panel/api/get-screening";
import type { TransitionOptions } from "@/features/panel/api/get-transitions";

export const CALL_IDS = {
  published: "c0110000-0000-4000-8000-000000000001",
  draft: "c0110000-0000-4000-8000-000000000002",
  archived: "c0110000-0000-4000-8000-000000000003",
  created: "c0110000-0000-4000-8000-0000000000ff",
  screeningProposal: "9b0b0000-0000-4000-8000-000000000001",
  readyProposal: "9b0b0000-0000-4000-8000-000000000002",
  pendingProposal: "9b0b0000-0000-4000-8000-000000000003",
  reserveProposal: "9b0b0000-0000-4000-8000-000000000004",
  cappedProposal: "9b0b0000-0000-4000-8000-000000000005",
  evaluatorAnna: "e0e00000-0000-4000-8000-000000000001",
  evaluatorBruno: "e0e00000-0000-4000-8000-000000000002",
  evaluatorCarla: "e0e00000-0000-4000-8000-000000000003",
  evaluatorDavid: "e0e00000-0000-4000-8000-000000000004",
} as const;

const stage = (key: string, label: string, kind: "initial" | "active" | "terminal", editable = false) => ({
  key,
  label,
  kind,
  editable,
});
type Actor = "applicant" | "region_manager" | "admin";
type Guard = "submission_ready" | "screening_passed" | "screening_failed" | "decision_released";
const step = (
  key: string,
  label: string,
  from_stage: string,
  to_stage: string,
  actors: Actor[],
  guard: Guard | null = null,
  comment_required = false,
) => ({ key, label, from_stage, to_stage, actors, guard, comment_required });

/** The default TEX4IM pipeline (lifecycle/default_pipeline.py), shortened to the stages the tests use. */
export function callPipeline(callId: string, version: number): Pipeline {
  return {
    call_id: callId,
    version,
    stages: [
      stage("draft", "Draft", "initial", true),
      stage("submitted", "Submitted", "active"),
      stage("screening", "Screening", "active"),
      stage("evaluation", "Evaluation", "active"),
      stage("portfolio", "Portfolio", "active"),
      stage("closed", "Closed", "terminal"),
      stage("rejected", "Rejected", "terminal"),
      stage("withdrawn", "Withdrawn", "terminal"),
    ],
    transitions: [
      step("submit", "Submit", "draft", "submitted", ["applicant"], "submission_ready"),
      step("start_screening", "Start screening", "submitted", "screening", ["region_manager", "admin"]),
      step("admit_to_evaluation", "Admit to evaluation", "screening", "evaluation", ["region_manager", "admin"], "screening_passed"),
      step("reject_ineligible", "Reject as ineligible", "screening", "rejected", ["region_manager", "admin"], "screening_failed", true),
      step("select_for_portfolio", "Select for the portfolio", "evaluation", "portfolio", ["admin"], "decision_released"),
      step("reject_after_evaluation", "Reject after evaluation", "evaluation", "rejected", ["admin"], "decision_released"),
      step("close", "Close", "portfolio", "closed", ["admin"], null, true),
      step("withdraw_draft", "Withdraw", "draft", "withdrawn", ["applicant", "admin"], null, true),
    ],
  };
}

export const CALL_CRITERIA: Call["criteria"] = [
  { key: "excellence", title: "Excellence & innovation", description: "How new and how sound.", weight: "30.00", threshold: "3.00" },
  { key: "impact", title: "Impact on the regions' value chains", description: "Jobs and investment.", weight: "30.00", threshold: "3.00" },
  { key: "implementation", title: "Quality of implementation", description: "", weight: "20.00", threshold: "2.50" },
  { key: "partnership", title: "Interregional partnership", description: "", weight: "20.00", threshold: "3.00" },
];

/** A published dated call, open for submission, with a form question, the default rubric and three targets. */
export const PUBLISHED_CALL: Call = {
  id: CALL_IDS.published,
  code: "TEX4IM-2027",
  title: "Interregional circular textiles 2027",
  kind: "dated",
  year: null,
  status: "published",
  phases: [
    { kind: "submission", opens_at: "2026-10-01T08:00:00Z", closes_at: "2099-12-31T17:00:00Z" },
    { kind: "evaluation", opens_at: "2100-01-10T08:00:00Z", closes_at: "2100-02-28T17:00:00Z" },
  ],
  submission_open: true,
  eligible_priorities: ["circular_economy", "advanced_materials"],
  description: "Investment projects that close the loop of textile materials across the partner regions.",
  min_partner_regions: 2,
  max_proposals_per_region: 3,
  min_evaluators: 3,
  exclude_own_region_evaluators: true,
  divergence_threshold: "2.00",
  overall_threshold: "3.00",
  selected_count: 2,
  reserve_count: 1,
  max_selected_per_region: 1,
  tie_breaks: ["higher_criterion", "more_partner_regions", "earlier_submission"],
  feedback_policy: "scores_and_comments",
  decisions_released_at: null,
  fields: [
    {
      key: "pilot_site",
      label: "Where would the pilot run?",
      help_text: "",
      type: "choice",
      required: true,
      private_to_evaluators: false,
      frozen_after: null,
      options: ["A mill", "A lab"],
      max_length: null,
    },
  ],
  criteria: CALL_CRITERIA,
  targets: [
    { metric: "proposals", region_code: null, year: null, target: 24 },
    { metric: "proposals", region_code: "ITI1", year: null, target: 3 },
    { metric: "business_plans", region_code: null, year: 2027, target: 10 },
  ],
  pipeline: callPipeline(CALL_IDS.published, 4),
  created_at: "2026-09-20T08:00:00Z",
  updated_at: "2026-10-01T08:00:00Z",
  version: 4,
};

export const DRAFT_CALL: Call = {
  ...PUBLISHED_CALL,
  id: CALL_IDS.draft,
  code: "TEX4IM-2028",
  title: "Digital textile services 2028",
  status: "draft",
  submission_open: false,
  phases: [],
  targets: [],
  pipeline: callPipeline(CALL_IDS.draft, 1),
  version: 1,
};

const summaryOf = (call: Call): CallSummary => ({
  id: call.id,
  code: call.code,
  title: call.title,
  kind: call.kind,
  year: call.year,
  status: call.status,
  phases: call.phases,
  submission_open: call.submission_open,
  eligible_priorities: call.eligible_priorities,
});

/** The calls list as the admin sees it (drafts included). */
export const CALL_SUMMARIES: CallSummary[] = [
  summaryOf(PUBLISHED_CALL),
  summaryOf(DRAFT_CALL),
  {
    id: CALL_IDS.archived,
    code: "TEX4IM-2026",
    title: "Permanent call 2026",
    kind: "permanent",
    year: 2026,
    status: "archived",
    phases: [{ kind: "submission", opens_at: "2026-01-01T08:00:00Z", closes_at: "2026-06-30T17:00:00Z" }],
    submission_open: false,
    eligible_priorities: [],
  },
];

export const CALL_TARGETS: CallTargets = {
  call_id: CALL_IDS.published,
  items: [
    { metric: "proposals", region_code: null, year: null, target: 24, actual: 6, counted_as: "proposals submitted at least once and not withdrawn" },
    { metric: "proposals", region_code: "ITI1", year: null, target: 3, actual: 3, counted_as: "proposals submitted at least once and not withdrawn" },
    { metric: "business_plans", region_code: null, year: 2027, target: 10, actual: null, counted_as: "proposals that reached the stage 'business_plan', which this call's pipeline does not have" },
  ],
};

/** A proposal in screening, seen by its lead region's manager: one check failed, one to judge, no decision. */
export const SCREENING: Screening = {
  proposal_id: CALL_IDS.screeningProposal,
  reference: "TEX4IM-2027-ITI1-004",
  stage: "screening",
  can_decide: true,
  checks: [
    { key: "region_quota", outcome: "passed", detail: "2 proposals from ITI1 submitted to this call, this one included; the call allows 3.", figures: {} },
    { key: "partner_regions", outcome: "failed", detail: "The lead and confirmed partners come from only 1 region (ITI1); the call asks for 2.", figures: {} },
    { key: "priorities", outcome: "passed", detail: "The proposal addresses the call's priorities circular_economy.", figures: {} },
    { key: "completeness", outcome: "passed", detail: "Version 1 answers every required field.", figures: {} },
    { key: "partners_confirmed", outcome: "manual", detail: "Still invited, not confirmed: Fiação do Norte. Judge whether the proposal stands without them.", figures: {} },
  ],
  decision: null,
};

export function screeningTransitions(decided: boolean | null): TransitionOptions {
  const unmet = (wanted: boolean) =>
    decided === null
      ? [{ field: "screening", message: "no screening decision yet", code: "not_screened" }]
      : decided === wanted
        ? []
        : [{ field: "screening", message: `the screening decided: ${decided ? "eligible" : "not eligible"}`, code: "screening_outcome" }];
  return {
    stage: { key: "screening", label: "Screening" },
    transitions: [
      { key: "admit_to_evaluation", label: "Admit to evaluation", to_stage: { key: "evaluation", label: "Evaluation" }, allowed: true, comment_required: false, guard: "screening_passed", unmet: unmet(true) },
      { key: "reject_ineligible", label: "Reject as ineligible", to_stage: { key: "rejected", label: "Rejected" }, allowed: true, comment_required: true, guard: "screening_failed", unmet: unmet(false) },
      { key: "withdraw_in_screening", label: "Withdraw", to_stage: { key: "withdrawn", label: "Withdrawn" }, allowed: false, comment_required: true, guard: null, unmet: [] },
    ],
  };
}

const brief = (id: string, reference: string, title: string, region_code: string) => ({ id, reference, title, region_code });
const READY = brief(CALL_IDS.readyProposal, "TEX4IM-2027-ITI1-001", "Regenerated carded wool", "ITI1");
const PENDING = brief(CALL_IDS.pendingProposal, "TEX4IM-2027-PT11-002", "Low-water dyeing", "PT11");
const RESERVE = brief(CALL_IDS.reserveProposal, "TEX4IM-2027-ES52-003", "Recycled polyester yarns", "ES52");
const CAPPED = brief(CALL_IDS.cappedProposal, "TEX4IM-2027-ITI1-005", "Digital twin of a spinning mill", "ITI1");
const evaluatorBrief = (id: string, name: string) => ({ id, name });
const ANNA = evaluatorBrief(CALL_IDS.evaluatorAnna, "Anna Bianchi");
const BRUNO = evaluatorBrief(CALL_IDS.evaluatorBruno, "Bruno Costa");
const CARLA = evaluatorBrief(CALL_IDS.evaluatorCarla, "Carla Dias");

const assignment = (
  id: string,
  proposal: typeof READY,
  evaluator: typeof ANNA,
  status: Assignment["status"],
): Assignment => ({
  id,
  proposal,
  evaluator,
  status,
  reason: "automatic",
  created_at: "2027-01-10T09:00:00Z",
  submitted_at: status === "submitted" ? "2027-01-20T09:00:00Z" : null,
  withdrawn_reason: null,
  scores: null,
});

export const CALL_ASSIGNMENTS: Assignment[] = [
  assignment("a0a00000-0000-4000-8000-000000000001", READY, ANNA, "submitted"),
  assignment("a0a00000-0000-4000-8000-000000000002", READY, BRUNO, "submitted"),
  assignment("a0a00000-0000-4000-8000-000000000003", READY, CARLA, "submitted"),
  assignment("a0a00000-0000-4000-8000-000000000004", PENDING, ANNA, "submitted"),
  assignment("a0a00000-0000-4000-8000-000000000005", PENDING, BRUNO, "assigned"),
];

export const AUTO_REPORT: AutoAssignmentReport = {
  call_id: CALL_IDS.published,
  assigned: 1,
  withdrawn: 0,
  optimal: true,
  proposals: [
    { proposal: PENDING, target: 3, active: 3, added: [CARLA], moved_away: [], short: 0, short_reason: null },
    { proposal: RESERVE, target: 3, active: 2, added: [], moved_away: [], short: 1, short_reason: "Every other active evaluator has a conflict of interest or a full load." },
  ],
  still_short: [
    { proposal: RESERVE, target: 3, active: 2, added: [], moved_away: [], short: 1, short_reason: "Every other active evaluator has a conflict of interest or a full load." },
  ],
  loads: [
    { evaluator: ANNA, load: 3, max_load: 4 },
    { evaluator: CARLA, load: 2, max_load: null },
  ],
};

const review = (evaluator: typeof ANNA, id: string, values: [string, string, string, string], total: string) => ({
  assignment_id: id,
  evaluator_id: evaluator.id,
  evaluator_name: evaluator.name,
  reason: "automatic" as const,
  status: "submitted" as const,
  submitted_at: "2027-01-20T09:00:00Z",
  withdrawn_reason: null,
  comment: `Overall view of ${evaluator.name}.`,
  scores: CALL_CRITERIA.map((criterion, i) => ({
    criterion: criterion.key,
    value: values[i] ?? "0",
    comment: criterion.key === "impact" ? `Impact comment by ${evaluator.name}.` : "",
  })),
  total,
});

/** The ready proposal: three reviews in, one criterion divergent, no consensus written yet. */
export const EVALUATION: Evaluation = {
  proposal: { ...READY, acronym: "RECARD" },
  stage: "evaluation",
  call: { id: CALL_IDS.published, code: PUBLISHED_CALL.code, title: PUBLISHED_CALL.title },
  divergence_threshold: "2.00",
  reviews: [
    review(ANNA, "a0a00000-0000-4000-8000-000000000001", ["4.0", "4.5", "3.0", "4.0"], "3.95"),
    review(BRUNO, "a0a00000-0000-4000-8000-000000000002", ["3.5", "2.0", "3.0", "3.5"], "3.05"),
    review(CARLA, "a0a00000-0000-4000-8000-000000000003", ["4.0", "4.5", "3.5", "4.0"], "4.05"),
  ],
  criteria: [
    { criterion: "excellence", title: "Excellence & innovation", threshold: "3.00", mean: "3.83", min: "3.5", max: "4.0", spread: "0.5", divergent: false, suggested: "4.0" },
    { criterion: "impact", title: "Impact on the regions' value chains", threshold: "3.00", mean: "3.67", min: "2.0", max: "4.5", spread: "2.5", divergent: true, suggested: "3.5" },
    { criterion: "implementation", title: "Quality of implementation", threshold: "2.50", mean: "3.17", min: "3.0", max: "3.5", spread: "0.5", divergent: false, suggested: "3.0" },
    { criterion: "partnership", title: "Interregional partnership", threshold: "3.00", mean: "3.83", min: "3.5", max: "4.0", spread: "0.5", divergent: false, suggested: "4.0" },
  ],
  readiness: { ready: true, submitted: 3, required: 3, pending: 0, divergence_pending: false, reasons: [] },
  consensus: {
    suggested: { excellence: "4.0", impact: "3.5", implementation: "3.0", partnership: "4.0" },
    consensus: null,
    editable: true,
  },
};

/** The consensus the fake API answers to a save: the values sent, the total as the API computes it. */
export function consensusAnswer(
  scores: { criterion: string; value: string | number | null; comment?: string }[],
  summary: string,
  version: number,
  finalised = false,
): Evaluation["consensus"] {
  const values = Object.fromEntries(
    CALL_CRITERIA.map((criterion) => {
      const given = scores.find((score) => score.criterion === criterion.key)?.value;
      return [criterion.key, Number(given ?? EVALUATION.consensus.suggested[criterion.key] ?? 0)];
    }),
  );
  const weights = CALL_CRITERIA.reduce((sum, criterion) => sum + Number(criterion.weight), 0);
  const total = CALL_CRITERIA.reduce((sum, criterion) => sum + Number(criterion.weight) * (values[criterion.key] ?? 0), 0) / weights;
  const lines = CALL_CRITERIA.map((criterion) => ({
    criterion: criterion.key,
    title: criterion.title,
    value: (values[criterion.key] ?? 0).toFixed(1),
    threshold: criterion.threshold,
    passed: (values[criterion.key] ?? 0) >= Number(criterion.threshold),
    comment: scores.find((score) => score.criterion === criterion.key)?.comment ?? "",
  }));
  return {
    suggested: EVALUATION.consensus.suggested,
    editable: true,
    consensus: {
      proposal_id: CALL_IDS.readyProposal,
      scores: lines,
      summary,
      total: total.toFixed(2),
      overall_threshold: "3.00",
      passed: lines.every((line) => line.passed) && total >= 3,
      finalised,
      finalised_at: finalised ? "2027-02-01T10:00:00Z" : null,
      written_by: ME.id,
      version,
      updated_at: "2027-02-01T09:00:00Z",
    },
  };
}

/** Ranked: one selected, one on the reserve list, one skipped by the region cap; one not ready. */
export const RANKING: Ranking = {
  call: { id: CALL_IDS.published, code: PUBLISHED_CALL.code, title: PUBLISHED_CALL.title },
  selected_count: 2,
  reserve_count: 1,
  max_selected_per_region: 1,
  tie_breaks: ["higher_criterion", "more_partner_regions", "earlier_submission"],
  rows: [
    {
      rank: 1,
      tied: false,
      proposal: { ...READY, acronym: "RECARD" },
      total: "3.90",
      fundable: true,
      scores: [
        { criterion: "excellence", value: "4.0" },
        { criterion: "impact", value: "4.0" },
        { criterion: "implementation", value: "3.0" },
        { criterion: "partnership", value: "4.5" },
      ],
      tie_break: null,
      tie_note: null,
      outcome: "selected",
      reason: "selected: rank 1 of 2 places",
    },
    {
      rank: 2,
      tied: false,
      proposal: { ...CAPPED, acronym: null },
      total: "3.60",
      fundable: true,
      scores: [
        { criterion: "excellence", value: "4.0" },
        { criterion: "impact", value: "3.5" },
        { criterion: "implementation", value: "3.0" },
        { criterion: "partnership", value: "3.5" },
      ],
      tie_break: "higher_criterion",
      tie_note: "Ahead of TEX4IM-2027-ES52-003 on Excellence & innovation (4.0 against 3.5).",
      outcome: "reserve",
      reason: "skipped: region cap (ITI1 already has 1 selected)",
    },
    {
      rank: 3,
      tied: false,
      proposal: { ...RESERVE, acronym: null },
      total: "3.60",
      fundable: true,
      scores: [
        { criterion: "excellence", value: "3.5" },
        { criterion: "impact", value: "3.5" },
        { criterion: "implementation", value: "3.5" },
        { criterion: "partnership", value: "4.0" },
      ],
      tie_break: null,
      tie_note: null,
      outcome: "selected",
      reason: "selected: rank 3, second of 2 places",
    },
  ],
  not_ready: [{ proposal: { ...PENDING, acronym: null }, reason: "No consensus yet." }],
};

const decision = (proposal: typeof READY, outcome: "selected" | "reserve" | "rejected", rank: number, total: string, note: string) => ({
  proposal: { ...proposal, acronym: null },
  outcome,
  rank,
  total,
  note,
  staged_by: ME.id,
  staged_at: "2027-03-01T09:00:00Z",
  released_at: null,
});

export const STAGED_DECISIONS: DecisionList = {
  call: { id: CALL_IDS.published, code: PUBLISHED_CALL.code, title: PUBLISHED_CALL.title },
  released_at: null,
  items: [
    decision(READY, "selected", 1, "3.90", "selected: rank 1 of 2 places"),
    decision(CAPPED, "reserve", 2, "3.60", "skipped: region cap (ITI1 already has 1 selected)"),
    decision(RESERVE, "selected", 3, "3.60", "selected: rank 3, second of 2 places"),
  ],
};
