/** The ESCP-S3 states in order: draft → submitted (to ECCP) → validated (by ECCP) → linked (to the partnership). */
export const ESCP_STATES = ["draft", "submitted", "validated", "linked"] as const;
export type EscpStateCode = (typeof ESCP_STATES)[number];

/**
 * Who may take a step: the region's cluster managers submit a draft; every other step (ECCP validated it,
 * the agreement is signed, back to draft) is the consortium admin's.
 */
export function isAdminStep(from: string, to: string): boolean {
  return !(from === "draft" && to === "submitted");
}

/** The next states the API allows, less those the viewer may not take (admin-only steps hidden from managers). */
export function stepsFor(current: string, nextStates: readonly string[], isAdmin: boolean): string[] {
  return nextStates.filter((to) => isAdmin || !isAdminStep(current, to));
}

/** Going back to draft needs a comment saying why. */
export function needsComment(from: string, to: string): boolean {
  return to === "draft" && from !== "draft";
}

/** Where a state stands in the sequence (0 = draft). */
export function stepIndex(state: string): number {
  return ESCP_STATES.indexOf(state as EscpStateCode);
}
