import { describe, expect, it } from "vitest";

import { mergeProblems, problemList, problemsByPath, unclaimedProblems } from "@/features/calls/utils/problems";
import { ApiProblem } from "@/lib/problem";

const problem = new ApiProblem({
  type: "urn:tex4im:problem:invalid-call",
  title: "Invalid call",
  status: 422,
  detail: "The call's configuration has faults; each is named in `errors`.",
  errors: [
    { field: "body.criteria.1.weight", message: "must be greater than 0", code: "greater_than" },
    { field: "body.criteria.1.weight", message: "second problem of the same field", code: "x" },
    { field: "body.targets.2", message: "targets.0 already sets this target", code: "duplicate" },
    { field: "body", message: "year cannot be cleared", code: "value_error" },
  ],
});

describe("the API's field problems", () => {
  it("are keyed by their path inside the body, the first of a path winning", () => {
    expect(problemsByPath(problem)).toEqual({
      "criteria.1.weight": "must be greater than 0",
      "targets.2": "targets.0 already sets this target",
      "": "year cannot be cleared",
    });
    expect(problemList(problem)).toHaveLength(4);
    expect(problemsByPath(new Error("not a problem"))).toEqual({});
  });

  it("that no input shows are shown with their row", () => {
    const byPath = problemsByPath(problem);
    expect(unclaimedProblems(byPath, "targets.2", ["targets.2.metric", "targets.2.target"])).toEqual([
      "targets.0 already sets this target",
    ]);
    expect(unclaimedProblems(byPath, "criteria.1", ["criteria.1.weight"])).toEqual([]);
    // "criteria.1" is not a prefix of "criteria.10"
    expect(unclaimedProblems({ "criteria.10.key": "x" }, "criteria.1", [])).toEqual([]);
  });

  it("found before sending win over the API's", () => {
    expect(mergeProblems({ code: "Required." }, { code: "taken", title: "too long" })).toEqual({
      code: "Required.",
      title: "too long",
    });
  });
});
