import { describe, expect, it } from "vitest";

import { belowThreshold, halfStep, passes, weightedTotal } from "@/features/panel/utils/consensus";

const rubric = [
  { key: "excellence", weight: "30.00", threshold: "3.00" },
  { key: "impact", weight: "30.00", threshold: "3.00" },
  { key: "implementation", weight: "20.00", threshold: "2.50" },
  { key: "partnership", weight: "20.00", threshold: "3.00" },
];

describe("the consensus arithmetic", () => {
  it("weighs the scores as the API does: normalised weights, two places, a missing score counting 0", () => {
    expect(weightedTotal(rubric, { excellence: "4", impact: "3.5", implementation: "3", partnership: "4" })).toBe(3.65);
    expect(weightedTotal(rubric, { excellence: "4", impact: "", implementation: "3", partnership: "4" })).toBe(2.6);
    expect(weightedTotal([{ key: "a", weight: "1", threshold: "0" }, { key: "b", weight: "2", threshold: "0" }], { a: "3.5", b: "2" })).toBe(2.5);
  });

  it("passes with every threshold and the overall one met; waits while a score is missing", () => {
    const values = { excellence: "4", impact: "3.5", implementation: "3", partnership: "4" };
    expect(passes(rubric, values, "3.00")).toBe(true);
    expect(passes(rubric, { ...values, impact: "2.5" }, "3.00")).toBe(false);
    expect(belowThreshold(rubric, { ...values, impact: "2.5" })).toEqual(["impact"]);
    expect(passes(rubric, values, "3.80")).toBe(false);
    expect(passes(rubric, { ...values, impact: "" }, "3.00")).toBeNull();
  });

  it("reads the API's decimals as half steps", () => {
    expect(halfStep("3.50")).toBe("3.5");
    expect(halfStep("4.0")).toBe("4");
    expect(halfStep("3.83")).toBe("4");
    expect(halfStep(null)).toBe("");
  });
});
