/**
 * What the call pages offer to whom, from the user's memberships (GET /api/me). The API decides for real;
 * this only hides what would be refused.
 */
export type CallsMembership = {
  role: "consortium_admin" | "cluster_manager" | "evaluator" | "member";
  region: string | null;
};

/** The consortium admin configures calls, runs the panel and releases decisions. */
export function isCallAdmin(memberships: readonly CallsMembership[]): boolean {
  return memberships.some((membership) => membership.role === "consortium_admin");
}

/** Cluster managers and the admin export a call's proposals and screen them. */
export function isCallManager(memberships: readonly CallsMembership[]): boolean {
  return memberships.some(
    (membership) => membership.role === "consortium_admin" || membership.role === "cluster_manager",
  );
}
