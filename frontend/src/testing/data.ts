/**
 * Contract-shaped API payloads for tests, from the partnership facts (shared/FACTS.md).
 * Only the network boundary is faked; everything above fetch is the real code.
 */
import type { Me } from "@/features/auth/api/get-me";
import type { RegionDetail } from "@/features/partnership/api/get-region";
import type { Region } from "@/features/partnership/api/get-regions";
import type { Priority } from "@/features/partnership/api/get-priorities";

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
  return region && { ...region, figures: FIGURES[code] ?? [] };
}

export const PRIORITIES: Priority[] = [
  { code: "circular_economy", name: "Circular economy" },
  { code: "industry_4_0", name: "Industry 4.0" },
  { code: "digital_technologies", name: "Digital technologies" },
  { code: "advanced_materials", name: "Advanced materials" },
  { code: "creativity", name: "Creativity" },
];
