/**
 * NACE Rev. 2 divisions the registry names in words (the textile and clothing chain and the services around
 * it). Other codes are shown as they are; the names live in the "registry" namespace under `nace.<division>`.
 */
export const NAMED_NACE_DIVISIONS = [
  "C13", // Manufacture of textiles
  "C14", // Manufacture of wearing apparel
  "C15", // Manufacture of leather and related products
  "C20", // Manufacture of chemicals and chemical products
  "C22", // Manufacture of rubber and plastic products
  "C28", // Manufacture of machinery and equipment
  "C32", // Other manufacturing
  "E38", // Waste collection, treatment and disposal; materials recovery
  "G46", // Wholesale trade
  "G47", // Retail trade
  "J62", // Computer programming and consultancy
  "K64", // Financial service activities
  "M70", // Management consultancy
  "M71", // Architectural and engineering activities; testing
  "M72", // Scientific research and development
  "M74", // Other professional, scientific and technical activities (design)
  "P85", // Education
  "S94", // Activities of membership organisations
] as const;

export type NamedNaceDivision = (typeof NAMED_NACE_DIVISIONS)[number];

const NACE_CODE = /^([A-U])(\d{2})(?:\.(\d{1,2}))?$/;

/** The division of a NACE code: "C13.20" → "C13", "c14" → "C14"; null for something that is not a code. */
export function naceDivision(code: string): string | null {
  const match = NACE_CODE.exec(code.trim().toUpperCase());
  return match ? `${match[1]}${match[2]}` : null;
}

export function isNamedNaceDivision(division: string | null): division is NamedNaceDivision {
  return (NAMED_NACE_DIVISIONS as readonly string[]).includes(division ?? "");
}
