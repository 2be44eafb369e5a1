import type { components } from "@/api/schema";

export type Membership = Pick<components["schemas"]["MembershipOut"], "role" | "region">;

/** The consortium admin looks after every region. */
export function isConsortiumAdmin(memberships: readonly Membership[]): boolean {
  return memberships.some((membership) => membership.role === "consortium_admin");
}

/** A cluster manager of this region, or the consortium admin: may keep the region's records. */
export function managesRegion(memberships: readonly Membership[], regionCode: string): boolean {
  return (
    isConsortiumAdmin(memberships) ||
    memberships.some((membership) => membership.role === "cluster_manager" && membership.region === regionCode)
  );
}

/** A cluster manager of any region, or the consortium admin. */
export function managesAnyRegion(memberships: readonly Membership[]): boolean {
  return isConsortiumAdmin(memberships) || memberships.some((membership) => membership.role === "cluster_manager");
}
