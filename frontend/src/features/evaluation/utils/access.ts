/** The part of a membership the evaluation pages look at. */
export type RoleHolder = { role: string };

export function isEvaluator(memberships: readonly RoleHolder[]): boolean {
  return memberships.some((membership) => membership.role === "evaluator");
}

export function isConsortiumAdmin(memberships: readonly RoleHolder[]): boolean {
  return memberships.some((membership) => membership.role === "consortium_admin");
}
