/**
 * What the interface offers to whom, from the user's memberships (GET /api/me). The API decides for real;
 * this only hides what would be refused.
 */
export type RegistryMembership = {
  role: "consortium_admin" | "cluster_manager" | "evaluator" | "member";
  region: string | null;
  organisation_id: string | null;
};

/** Cluster managers and the consortium admin: import, duplicates. */
export function isRegistryManager(memberships: readonly RegistryMembership[]): boolean {
  return memberships.some(
    (membership) => membership.role === "consortium_admin" || membership.role === "cluster_manager",
  );
}

/** The admin and the cluster managers of the organisation's region look after it (e.g. its visibility). */
export function canManageOrganisation(
  memberships: readonly RegistryMembership[],
  organisation: { region_code: string | null },
): boolean {
  return memberships.some(
    (membership) =>
      membership.role === "consortium_admin" ||
      (membership.role === "cluster_manager" &&
        organisation.region_code !== null &&
        membership.region === organisation.region_code),
  );
}

/** The admin, the managers of the organisation's region and the organisation's own members may edit it. */
export function canEditOrganisation(
  memberships: readonly RegistryMembership[],
  organisation: { id: string; region_code: string | null },
): boolean {
  return (
    canManageOrganisation(memberships, organisation) ||
    memberships.some((membership) => membership.organisation_id === organisation.id)
  );
}
