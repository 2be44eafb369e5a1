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
