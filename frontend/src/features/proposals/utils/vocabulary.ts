/** The proposals service's controlled vocabularies (vocab.py), in the order the forms show them. */

export const PRIORITY_CODES = [
  "circular_economy",
  "industry_4_0",
  "digital_technologies",
  "advanced_materials",
  "creativity",
] as const;
export type PriorityCode = (typeof PRIORITY_CODES)[number];

export const VALUE_CHAIN_STEPS = ["fibre", "yarn", "fabric", "finishing", "garment", "retail", "recycling"] as const;
export type ValueChainStep = (typeof VALUE_CHAIN_STEPS)[number];

export const PARTNER_STATUSES = ["invited", "confirmed", "declined"] as const;

export const TIMELINE_KINDS = ["created", "transition", "version", "partner", "screening", "decision"] as const;

export const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
