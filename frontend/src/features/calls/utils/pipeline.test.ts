import { describe, expect, it } from "vitest";

import { pipelineDraftOf, renameStage, rowProblems, stagesWithSteps, toPipelineBody } from "@/features/calls/utils/pipeline";
import { callPipeline } from "@/testing/data";

const pipeline = callPipeline("c0110000-0000-4000-8000-000000000001", 4);

describe("the pipeline", () => {
  it("reads as stages in order, each with the steps out of it", () => {
    const grouped = stagesWithSteps(pipeline.stages, pipeline.transitions);
    expect(grouped.map(({ stage }) => stage.key)).toEqual(pipeline.stages.map((stage) => stage.key));
    expect(grouped.find(({ stage }) => stage.key === "screening")?.steps.map((step) => step.key)).toEqual([
      "admit_to_evaluation",
      "reject_ineligible",
    ]);
    expect(grouped.find(({ stage }) => stage.key === "rejected")?.steps).toEqual([]);
  });

  it("goes back to the API as it came, without the editor's row keys", () => {
    expect(toPipelineBody(pipelineDraftOf(pipeline))).toEqual({ stages: pipeline.stages, transitions: pipeline.transitions });
  });

  it("keeps the transitions pointing at a stage that is renamed", () => {
    const draft = pipelineDraftOf(pipeline);
    const screening = draft.stages.findIndex((stage) => stage.key === "screening");
    const renamed = renameStage(draft, screening, "eligibility");
    const moves = renamed.transitions.map((t) => `${t.from_stage}>${t.to_stage}`);
    expect(moves).toContain("submitted>eligibility");
    expect(moves).toContain("eligibility>evaluation");
    expect(moves).not.toContain("submitted>screening");
  });

  it("gathers the API's problems of a row by the row's field, several per row", () => {
    const problems = [
      { path: "stages.3", message: "'x' cannot be reached" },
      { path: "stages.3", message: "'x' is not terminal, but no transition leaves it" },
      { path: "stages.3.kind", message: "only one stage may be initial" },
      { path: "transitions.1.actors.0", message: "'nobody' is not an actor" },
      { path: "stages.30.key", message: "not this row" },
    ];
    expect(rowProblems(problems, "stages", 3)).toEqual({
      "": ["'x' cannot be reached", "'x' is not terminal, but no transition leaves it"],
      kind: ["only one stage may be initial"],
    });
    expect(rowProblems(problems, "transitions", 1)).toEqual({ actors: ["'nobody' is not an actor"] });
  });
});
