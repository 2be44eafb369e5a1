import { describe, expect, it } from "vitest";

import { outcomeCounts, staffingByProposal } from "@/features/panel/utils/staffing";
import { CALL_ASSIGNMENTS, CALL_IDS, RANKING } from "@/testing/data";

describe("the panel's view of each proposal", () => {
  it("joins the assignments with the ranking, listing proposals nobody reviews yet too", () => {
    const views = staffingByProposal(CALL_ASSIGNMENTS, RANKING);
    expect(views.map((view) => view.proposal.reference)).toEqual([
      "TEX4IM-2027-ES52-003",
      "TEX4IM-2027-ITI1-001",
      "TEX4IM-2027-ITI1-005",
      "TEX4IM-2027-PT11-002",
    ]);
    const ready = views.find((view) => view.proposal.id === CALL_IDS.readyProposal)!;
    expect([ready.active, ready.submitted, ready.ranked?.rank]).toEqual([3, 3, 1]);
    const pending = views.find((view) => view.proposal.id === CALL_IDS.pendingProposal)!;
    expect([pending.active, pending.submitted, pending.notReady?.reason]).toEqual([2, 1, "No consensus yet."]);
    expect(pending.assignments.map((assignment) => assignment.status)).toEqual(["submitted", "assigned"]);
  });

  it("counts the outcomes", () => {
    expect(outcomeCounts(RANKING.rows)).toEqual({ selected: 2, reserve: 1, rejected: 0 });
  });
});
