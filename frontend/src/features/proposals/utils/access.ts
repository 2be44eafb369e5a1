/**
 * What the signed-in person may do around proposals, from their memberships (the API decides again; this only
 * decides which buttons and links to show). The rules mirror the proposals service's policy.
 */
import type { components } from "@/api/schema";
import type { Proposal } from "@/features/proposals/api/get-proposal";

/** One of the signed-in person's roles (GET /api/me), passed down from the app. */
export type Membership = components["schemas"]["MeOut"]["memberships"][number];

export function isAdmin(memberships: readonly Membership[]): boolean {
  return memberships.some((membership) => membership.role === "consortium_admin");
}

export function managedRegions(memberships: readonly Membership[]): string[] {
  return [
    ...new Set(
      memberships
        .filter((membership) => membership.role === "cluster_manager" && membership.region)
        .map((membership) => membership.region as string),
    ),
  ].sort();
}

/** The organisations the person acts for as a member (a company or R&D member of the partnership). */
export function memberOrganisations(memberships: readonly Membership[]): string[] {
  return [
    ...new Set(
      memberships
        .filter((membership) => membership.role === "member" && membership.organisation_id)
        .map((membership) => membership.organisation_id as string),
    ),
  ];
}

/** Members start proposals for their organisation, managers for one of their region's, the admin for any. */
export function mayCreateProposals(memberships: readonly Membership[]): boolean {
  return isAdmin(memberships) || managedRegions(memberships).length > 0 || memberOrganisations(memberships).length > 0;
}

function managesRegion(memberships: readonly Membership[], region: string): boolean {
  return isAdmin(memberships) || managedRegions(memberships).includes(region);
}

/** Members of the lead organisation, the lead region's managers and the admin read the private answers. */
export function mayReadPrivateAnswers(memberships: readonly Membership[], proposal: Proposal): boolean {
  return managesRegion(memberships, proposal.region_code) || memberOrganisations(memberships).includes(proposal.lead.id);
}

export type RelatedPage = "screening" | "evaluation" | "feedback";

/**
 * The pages about this proposal that others build, shown when the person may use them: the screening (the lead
 * region's managers and the admin, once submitted), the panel's evaluation (the admin), the feedback (co-authors,
 * the lead region's managers and the admin, once the call's decisions are released).
 */
export function relatedPages(
  memberships: readonly Membership[],
  proposal: Proposal,
  decisionsReleased: boolean,
): RelatedPage[] {
  const pages: RelatedPage[] = [];
  const submitted = proposal.submitted_version > 0;
  const organisations = memberOrganisations(memberships);
  const author =
    organisations.includes(proposal.lead.id) ||
    proposal.partners.some((partner) => partner.status === "confirmed" && organisations.includes(partner.organisation.id));
  if (submitted && managesRegion(memberships, proposal.region_code)) pages.push("screening");
  if (submitted && isAdmin(memberships)) pages.push("evaluation");
  if (submitted && decisionsReleased && (author || managesRegion(memberships, proposal.region_code))) {
    pages.push("feedback");
  }
  return pages;
}
