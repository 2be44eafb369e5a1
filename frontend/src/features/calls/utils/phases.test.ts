import { describe, expect, it } from "vitest";

import { orderedPhases, phaseState } from "@/features/calls/utils/phases";

const submission = { kind: "submission" as const, opens_at: "2027-01-01T00:00:00Z", closes_at: "2027-02-01T00:00:00Z" };
const decision = { kind: "decision" as const, opens_at: "2027-04-01T00:00:00Z", closes_at: "2027-05-01T00:00:00Z" };

describe("a call's phases", () => {
  it("come in their natural order", () => {
    expect(orderedPhases([decision, submission]).map((phase) => phase.kind)).toEqual(["submission", "decision"]);
  });

  it("are to come, under way or over", () => {
    expect(phaseState(submission, new Date("2026-12-31T23:59:59Z"))).toBe("upcoming");
    expect(phaseState(submission, new Date("2027-01-01T00:00:00Z"))).toBe("current");
    expect(phaseState(submission, new Date("2027-02-01T00:00:00Z"))).toBe("past");
  });
});
