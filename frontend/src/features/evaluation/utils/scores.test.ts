import { describe, expect, it } from "vitest";

import {
  commentRequired,
  draftFromReview,
  draftToBody,
  HALF_STEPS,
  parseScore,
  problemsByCriterion,
  reachesThreshold,
  reviewPasses,
  sameDraft,
  saveProblems,
  sharePercent,
  submissionProblems,
  weightedTotal,
  type ReviewDraft,
} from "@/features/evaluation/utils/scores";

const RUBRIC = [
  { key: "excellence", weight: "30.00", threshold: "3.00" },
  { key: "impact", weight: "30.00", threshold: "3.00" },
  { key: "implementation", weight: "20.00", threshold: "2.50" },
  { key: "interregional", weight: "20.00", threshold: "3.00" },
];

function draft(values: Record<string, number | null>, comments: Record<string, string> = {}): ReviewDraft {
  return {
    scores: Object.fromEntries(
      RUBRIC.map((c) => [c.key, { value: values[c.key] ?? null, comment: comments[c.key] ?? "" }]),
    ),
    comment: "",
  };
}

describe("scores in half steps", () => {
  it("offers the eleven scores from 0 to 5", () => {
    expect(HALF_STEPS).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
  });

  it.each([
    ["3.5", 3.5],
    ["4.0", 4],
    ["0", 0],
    [5, 5],
    ["3.25", null],
    ["5.5", null],
    ["-1", null],
    ["x", null],
    [null, null],
    ["", null],
  ])("reads %s as %s", (value, expected) => {
    expect(parseScore(value)).toBe(expected);
  });
});

describe("the weighted total, as the API computes it", () => {
  it("weighs the criteria with their weights normalised to sum 1, two places", () => {
    // (30×4 + 30×3.5 + 20×2.5 + 20×3) / 100 = 3.35
    expect(weightedTotal(RUBRIC, { excellence: 4, impact: 3.5, implementation: 2.5, interregional: 3 })).toBe("3.35");
  });

  it("counts an unscored criterion as 0", () => {
    expect(weightedTotal(RUBRIC, { excellence: 4 })).toBe("1.20");
    expect(weightedTotal(RUBRIC, {})).toBe("0.00");
  });

  it("rounds halves up like the API (ROUND_HALF_UP)", () => {
    const thirds = [
      { key: "a", weight: "1", threshold: "0" },
      { key: "b", weight: "1", threshold: "0" },
      { key: "c", weight: "1", threshold: "0" },
    ];
    // 4.5 + 4 + 4 = 12.5 / 3 = 4.1666… -> 4.17
    expect(weightedTotal(thirds, { a: 4.5, b: 4, c: 4 })).toBe("4.17");
    // (1×0.5 + 7×0) / 8 = 0.0625 -> 0.06; (3×0.5)/8 = 0.1875 -> 0.19
    const eighths = [
      { key: "a", weight: "1", threshold: "0" },
      { key: "b", weight: "7", threshold: "0" },
    ];
    expect(weightedTotal(eighths, { a: 0.5, b: 0 })).toBe("0.06");
    const halves = [
      { key: "a", weight: "3", threshold: "0" },
      { key: "b", weight: "5", threshold: "0" },
    ];
    expect(weightedTotal(halves, { a: 0.5, b: 0 })).toBe("0.19");
  });

  it("gives the same total for 30/30/20/20 and 0.3/0.3/0.2/0.2", () => {
    const fractions = RUBRIC.map((criterion) => ({ ...criterion, weight: `0.${criterion.weight.slice(0, 1)}` }));
    const values = { excellence: 5, impact: 4.5, implementation: 1, interregional: 2 };
    expect(weightedTotal(fractions, values)).toBe(weightedTotal(RUBRIC, values));
  });

  it("is 0.00 without weights", () => {
    expect(weightedTotal([], {})).toBe("0.00");
  });
});

describe("thresholds", () => {
  it("compares a score with the threshold exactly", () => {
    expect(reachesThreshold(2.5, "2.50")).toBe(true);
    expect(reachesThreshold(2, "2.50")).toBe(false);
    expect(reachesThreshold(null, "2.50")).toBeNull();
    expect(reachesThreshold(3, "3.25")).toBe(false);
    expect(reachesThreshold(3.5, "3.25")).toBe(true);
  });

  it("requires a comment only for a score below the threshold", () => {
    expect(commentRequired(2.5, "3.00")).toBe(true);
    expect(commentRequired(3, "3.00")).toBe(false);
    expect(commentRequired(null, "3.00")).toBe(false);
  });

  it("passes a complete review only when every criterion and the total reach their thresholds", () => {
    expect(reviewPasses(RUBRIC, { excellence: 4, impact: 3, implementation: 2.5, interregional: 3 }, "3.00")).toBe(true);
    expect(reviewPasses(RUBRIC, { excellence: 5, impact: 2.5, implementation: 5, interregional: 5 }, "3.00")).toBe(false);
    expect(reviewPasses(RUBRIC, { excellence: 3, impact: 3, implementation: 2.5, interregional: 3 }, "3.00")).toBe(false);
    expect(reviewPasses(RUBRIC, { excellence: 4 }, "3.00")).toBeNull();
  });
});

describe("what stops a review", () => {
  it("names the unscored criteria and the low scores without a comment before submitting", () => {
    const problems = submissionProblems(RUBRIC, draft({ excellence: 4, impact: 2, implementation: 2 }, { implementation: "Thin plan." }));
    expect(problems).toEqual({ impact: { code: "comment_required" }, interregional: { code: "missing_score" } });
  });

  it("does not count a comment of spaces", () => {
    const problems = submissionProblems(RUBRIC, draft({ excellence: 1, impact: 3, implementation: 3, interregional: 3 }, { excellence: "   " }));
    expect(problems).toEqual({ excellence: { code: "comment_required" } });
  });

  it("refuses to save a comment without a score (the API would drop it)", () => {
    expect(saveProblems(RUBRIC, draft({}, { impact: "Good reach." }))).toEqual({ impact: { code: "comment_without_score" } });
    expect(saveProblems(RUBRIC, draft({ impact: 3 }, { impact: "Good reach." }))).toEqual({});
  });

  it("reads the API's refusal by criterion", () => {
    const problems = problemsByCriterion([
      { field: "scores.impact", code: "missing_score", message: "not scored" },
      { field: "scores.excellence.comment", code: "comment_required", message: "scored below the threshold: say why" },
      { field: "body.scores.0.criterion", code: "unknown_criterion", message: "the call has no criterion 'x'" },
      { field: "body.comment", code: "too_long", message: "too long" },
    ]);
    expect(problems).toEqual({
      impact: { code: "missing_score", message: "not scored" },
      excellence: { code: "comment_required", message: "scored below the threshold: say why" },
    });
  });
});

describe("the draft and the PUT body", () => {
  const review = {
    comment: "Overall fine.",
    scores: [
      { criterion: "excellence", value: "4.0", comment: "Clear." },
      { criterion: "impact", value: null, comment: "" },
    ],
  };

  it("starts from the saved review, every criterion of the rubric present", () => {
    const start = draftFromReview(RUBRIC, review);
    expect(start.comment).toBe("Overall fine.");
    expect(start.scores).toEqual({
      excellence: { value: 4, comment: "Clear." },
      impact: { value: null, comment: "" },
      implementation: { value: null, comment: "" },
      interregional: { value: null, comment: "" },
    });
  });

  it("sends the scored criteria in the rubric's order, comments trimmed", () => {
    const body = draftToBody(RUBRIC, draft({ interregional: 3, excellence: 4.5 }, { excellence: " Strong. " }));
    expect(body).toEqual({
      scores: [
        { criterion: "excellence", value: 4.5, comment: "Strong." },
        { criterion: "interregional", value: 3, comment: "" },
      ],
      comment: "",
    });
  });

  it("tells a changed draft from the saved one", () => {
    const start = draftFromReview(RUBRIC, review);
    expect(sameDraft(RUBRIC, start, draftFromReview(RUBRIC, review))).toBe(true);
    const typed = { ...start, scores: { ...start.scores, impact: { value: null, comment: "draft note" } } };
    expect(sameDraft(RUBRIC, start, typed)).toBe(false);
    const spaced = { ...start, comment: "Overall fine.  " };
    expect(sameDraft(RUBRIC, start, spaced)).toBe(true);
  });

  it("shows a weight share as a percentage", () => {
    expect(sharePercent("0.3000")).toBe(30);
    expect(sharePercent("0.3333")).toBe(33.3);
    expect(sharePercent("x")).toBe(0);
  });
});
