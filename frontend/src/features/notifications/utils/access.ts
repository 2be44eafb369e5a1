/** The part of a membership the mail log looks at. */
export type RoleHolder = { role: string };

export function isConsortiumAdmin(memberships: readonly RoleHolder[]): boolean {
  return memberships.some((membership) => membership.role === "consortium_admin");
}
