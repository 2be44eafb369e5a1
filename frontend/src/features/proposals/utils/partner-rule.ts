import type { Proposal } from "@/features/proposals/api/get-proposal";

export type PartnerRule = {
  /** Regions the lead and the confirmed partners must come from, at least (the call's rule). */
  needed: number;
  /** The lead's region and the confirmed partners' regions, sorted, each once. */
  present: string[];
  /** Regions of invited partners that would add a region once they confirm. */
  pending: string[];
  met: boolean;
};

/** The call's partner rule against the proposal: what counts is the lead and the confirmed partners. */
export function partnerRule(proposal: Pick<Proposal, "region_code" | "partners">, needed: number): PartnerRule {
  const confirmed = proposal.partners
    .filter((partner) => partner.status === "confirmed" && partner.region_code)
    .map((partner) => partner.region_code as string);
  const present = [...new Set([proposal.region_code, ...confirmed])].sort();
  const pending = [
    ...new Set(
      proposal.partners
        .filter((partner) => partner.status === "invited" && partner.region_code)
        .map((partner) => partner.region_code as string)
        .filter((region) => !present.includes(region)),
    ),
  ].sort();
  return { needed, present, pending, met: present.length >= needed };
}
