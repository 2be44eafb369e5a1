import type { Phase, PhaseKind } from "@/features/calls/api/get-calls";

const ORDER: PhaseKind[] = ["submission", "evaluation", "decision"];

export type PhaseState = "past" | "current" | "upcoming";

/** The call's phases in their natural order: submission, evaluation, decision. */
export function orderedPhases(phases: readonly Phase[]): Phase[] {
  return [...phases].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

/** Whether the phase is over, under way or still to come at `now`. */
export function phaseState(phase: Phase, now: Date): PhaseState {
  if (now < new Date(phase.opens_at)) return "upcoming";
  if (now >= new Date(phase.closes_at)) return "past";
  return "current";
}

/** The submission phase, if the call has one. */
export function submissionPhase(phases: readonly Phase[]): Phase | undefined {
  return phases.find((phase) => phase.kind === "submission");
}
