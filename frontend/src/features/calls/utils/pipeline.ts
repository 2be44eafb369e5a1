import type { Actor, Guard, PipelineIn, PipelineOut, StageKind } from "@/features/calls/api/get-pipeline";
import { newUid } from "@/features/calls/utils/call-form";

export const STAGE_KINDS = ["initial", "active", "terminal"] as const satisfies readonly StageKind[];
export const ACTORS = ["applicant", "region_manager", "admin"] as const satisfies readonly Actor[];
export const GUARDS = [
  "submission_ready",
  "screening_passed",
  "screening_failed",
  "decision_released",
] as const satisfies readonly Guard[];

type StageLike = { key: string; label: string; kind: StageKind; editable: boolean };
type TransitionLike = {
  key: string;
  label: string;
  from_stage: string;
  to_stage: string;
  actors: Actor[];
  guard: Guard | null;
  comment_required: boolean;
};

export type StageDraft = StageLike & { uid: string };
export type TransitionDraft = TransitionLike & { uid: string };
export type PipelineDraft = { stages: StageDraft[]; transitions: TransitionDraft[] };

/** A stage and the steps that leave it, for reading the pipeline as a list. */
export type StageWithSteps<S, T> = { stage: S; steps: T[] };

/** The stages in their order, each with the transitions leaving it (in the pipeline's order). */
export function stagesWithSteps<S extends { key: string }, T extends { from_stage: string }>(
  stages: readonly S[],
  transitions: readonly T[],
): StageWithSteps<S, T>[] {
  return stages.map((stage) => ({ stage, steps: transitions.filter((step) => step.from_stage === stage.key) }));
}

export function pipelineDraftOf(pipeline: Pick<PipelineOut, "stages" | "transitions">): PipelineDraft {
  return {
    stages: pipeline.stages.map((stage) => ({ ...stage, uid: newUid() })),
    transitions: pipeline.transitions.map((transition) => ({
      ...transition,
      actors: [...transition.actors],
      uid: newUid(),
    })),
  };
}

export function toPipelineBody(draft: PipelineDraft): PipelineIn {
  return {
    stages: draft.stages.map(({ key, label, kind, editable }) => ({ key: key.trim(), label: label.trim(), kind, editable })),
    transitions: draft.transitions.map((transition) => ({
      key: transition.key.trim(),
      label: transition.label.trim(),
      from_stage: transition.from_stage,
      to_stage: transition.to_stage,
      actors: transition.actors,
      guard: transition.guard,
      comment_required: transition.comment_required,
    })),
  };
}

/** Renames a stage and the transitions that start or end in it, so they keep pointing at it. */
export function renameStage(draft: PipelineDraft, index: number, key: string): PipelineDraft {
  const previous = draft.stages[index]?.key;
  if (previous === undefined) return draft;
  const used = draft.stages.some((stage, i) => i !== index && stage.key === previous);
  return {
    stages: draft.stages.map((stage, i) => (i === index ? { ...stage, key } : stage)),
    // another stage with the old key keeps its transitions
    transitions: used
      ? draft.transitions
      : draft.transitions.map((transition) => ({
          ...transition,
          from_stage: transition.from_stage === previous ? key : transition.from_stage,
          to_stage: transition.to_stage === previous ? key : transition.to_stage,
        })),
  };
}

export function emptyStage(): StageDraft {
  return { uid: newUid(), key: "", label: "", kind: "active", editable: false };
}

export function emptyTransition(draft: PipelineDraft): TransitionDraft {
  const first = draft.stages[0]?.key ?? "";
  const second = draft.stages[1]?.key ?? first;
  return {
    uid: newUid(),
    key: "",
    label: "",
    from_stage: first,
    to_stage: second,
    actors: ["admin"],
    guard: null,
    comment_required: false,
  };
}

/**
 * The API's problems of one row ("stages.2", "stages.2.kind", …) by the row's field ("" for the row itself);
 * a row may have several ("unreachable" and "no way out").
 */
export function rowProblems(
  problems: readonly { path: string; message: string }[],
  list: "stages" | "transitions",
  index: number,
): Record<string, string[]> {
  const prefix = `${list}.${index}`;
  const found: Record<string, string[]> = {};
  for (const { path, message } of problems) {
    if (path !== prefix && !path.startsWith(`${prefix}.`)) continue;
    // "transitions.1.actors.0" belongs to the actors cell
    const field = path === prefix ? "" : (path.slice(prefix.length + 1).split(".")[0] ?? "");
    (found[field] ??= []).push(message);
  }
  return found;
}

/** The problems about a whole list ("stages": no initial stage; "transitions": no decision release). */
export function listProblems(problems: readonly { path: string; message: string }[], list: string): string[] {
  return problems.filter((problem) => problem.path === list).map((problem) => problem.message);
}
