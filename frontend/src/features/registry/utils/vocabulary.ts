/** The registry's controlled vocabularies (as the API's vocab), for labels and form options. */
export const ORGANISATION_KINDS = [
  "company",
  "rnd_centre",
  "university",
  "science_park",
  "business_network",
  "investor",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const SIZE_CLASSES = ["micro", "small", "medium", "large"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const PRIORITY_CODES = [
  "circular_economy",
  "industry_4_0",
  "digital_technologies",
  "advanced_materials",
  "creativity",
] as const;
export type PriorityCode = (typeof PRIORITY_CODES)[number];

export const VISIBILITIES = ["consortium", "public"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return (values as readonly string[]).includes(value ?? "");
}
