import type { Assignment } from "@/features/panel/api/get-call-assignments";
import type { NotReady, Ranking, RankingRow } from "@/features/panel/api/get-ranking";

type ProposalRef = { id: string; reference: string; title: string; region_code: string };

/** One proposal's evaluation as the panel page shows it: its evaluators and how far the evaluation is. */
export type ProposalStaffingView = {
  proposal: ProposalRef;
  assignments: Assignment[];
  /** Assignments not withdrawn. */
  active: number;
  submitted: number;
  ranked?: RankingRow;
  notReady?: NotReady;
};

const ORDER = { submitted: 0, assigned: 1, withdrawn: 2 } as const;

/**
 * The call's proposals under evaluation with their assignments, by reference: those with assignments and
 * those the ranking knows (ranked, or not ready yet), so a proposal nobody reviews yet is listed too.
 */
export function staffingByProposal(assignments: readonly Assignment[], ranking?: Ranking): ProposalStaffingView[] {
  const byId = new Map<string, ProposalStaffingView>();
  const entry = (proposal: ProposalRef) => {
    let view = byId.get(proposal.id);
    if (!view) {
      view = { proposal, assignments: [], active: 0, submitted: 0 };
      byId.set(proposal.id, view);
    }
    return view;
  };
  for (const assignment of assignments) {
    const view = entry(assignment.proposal);
    view.assignments.push(assignment);
    if (assignment.status !== "withdrawn") view.active += 1;
    if (assignment.status === "submitted") view.submitted += 1;
  }
  for (const row of ranking?.rows ?? []) entry(row.proposal).ranked = row;
  for (const item of ranking?.not_ready ?? []) entry(item.proposal).notReady = item;
  for (const view of byId.values()) {
    view.assignments.sort(
      (a, b) => ORDER[a.status] - ORDER[b.status] || a.evaluator.name.localeCompare(b.evaluator.name),
    );
  }
  return [...byId.values()].sort((a, b) => a.proposal.reference.localeCompare(b.proposal.reference));
}

/** How many decisions of each outcome. */
export function outcomeCounts(items: readonly { outcome: "selected" | "reserve" | "rejected" }[]) {
  const counts = { selected: 0, reserve: 0, rejected: 0 };
  for (const item of items) counts[item.outcome] += 1;
  return counts;
}
