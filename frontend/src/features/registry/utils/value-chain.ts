/** The textile and clothing value chain, in order (the API's ValueChainStep). */
export const VALUE_CHAIN = ["fibre", "yarn", "fabric", "finishing", "garment", "retail", "recycling"] as const;

export type ValueChainStep = (typeof VALUE_CHAIN)[number];

export function isValueChainStep(value: string): value is ValueChainStep {
  return (VALUE_CHAIN as readonly string[]).includes(value);
}

/** The given steps in chain order, unknown ones dropped. */
export function inChainOrder(steps: readonly string[]): ValueChainStep[] {
  return VALUE_CHAIN.filter((step) => steps.includes(step));
}
