/**
 * The CSV the organisation import reads: one organisation a row, a header row with these columns (only
 * name, kind and country_code are required; contact_name and contact_email add a contact person). UTF-8,
 * comma or semicolon separated; list columns hold several values separated by "|".
 */
export const IMPORT_COLUMNS = [
  "name",
  "kind",
  "vat_number",
  "country_code",
  "region_code",
  "city",
  "lon",
  "lat",
  "nace_codes",
  "size_class",
  "value_chain",
  "capabilities",
  "certifications",
  "priorities",
  "website",
  "description",
  "language",
  "visibility",
  "contact_name",
  "contact_email",
] as const;

export const LIST_SEPARATOR = "|";

const EXAMPLE_ROW: Record<(typeof IMPORT_COLUMNS)[number], string> = {
  name: "Lanificio Esempio S.p.A.",
  kind: "company",
  vat_number: "IT01234567890",
  country_code: "IT",
  region_code: "ITI1",
  city: "Prato",
  lon: "11.0966",
  lat: "43.8777",
  nace_codes: ["C13.10", "C13.20"].join(LIST_SEPARATOR),
  size_class: "small",
  value_chain: ["yarn", "fabric", "recycling"].join(LIST_SEPARATOR),
  capabilities: ["carded wool", "regenerated fibres"].join(LIST_SEPARATOR),
  certifications: ["GRS", "OEKO-TEX"].join(LIST_SEPARATOR),
  priorities: ["circular_economy", "advanced_materials"].join(LIST_SEPARATOR),
  website: "https://example.com",
  description: "Wool spinning and weaving with regenerated wool from post-consumer textiles.",
  language: "en",
  visibility: "consortium",
  contact_name: "Anna Rossi",
  contact_email: "anna.rossi@example.com",
};

/** One CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The template: the header row and one example row, CRLF line ends. */
export function csvTemplate(): string {
  const header = IMPORT_COLUMNS.join(",");
  const example = IMPORT_COLUMNS.map((column) => csvField(EXAMPLE_ROW[column])).join(",");
  return `${header}\r\n${example}\r\n`;
}

/** A link target that downloads the template without asking the server. */
export function csvTemplateHref(): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csvTemplate())}`;
}
