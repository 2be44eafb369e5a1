/**
 * The arithmetic and the rules of a review, as the API applies them: scores 0–5 in half steps, a weighted total
 * (weights normalised to sum 1, two places, halves rounded up), and a comment on every score below its threshold.
 */

/** The eleven scores a criterion can take: 0, 0.5, … 5. */
export const HALF_STEPS: readonly number[] = Array.from({ length: 11 }, (_, index) => index / 2);

export type CriterionRule = { key: string; weight: string; threshold: string };

/** One criterion of the review being written. */
export type DraftScore = { value: number | null; comment: string };

/** The review being written: a score and a comment per criterion, and the overall comment. */
export type ReviewDraft = { scores: Record<string, DraftScore>; comment: string };

/** Why a criterion cannot be submitted (or saved) as it is. */
export type ScoreProblemCode = "missing_score" | "comment_required" | "comment_without_score";

export type ScoreProblem = { code: ScoreProblemCode; message?: string };

/** A half-step score from the API's decimal string ("3.5", "4.0"), or null when absent or not a half step. */
export function parseScore(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 5 || !Number.isInteger(number * 2)) return null;
  return number;
}

/** A decimal string ("3.00", "0.3") as hundredths, exactly; null when it is not one. */
function hundredths(value: string): number | null {
  const match = /^\s*(\d+)(?:\.(\d+))?\s*$/.exec(value);
  if (!match) return null;
  const fraction = (match[2] ?? "").padEnd(2, "0");
  // more than two places: the API's weights and thresholds have two; round half up like it does
  const cents = Number(match[1]) * 100 + Number(fraction.slice(0, 2));
  return fraction.length > 2 && Number(fraction[2]) >= 5 ? cents + 1 : cents;
}

/** Whether a score reaches the criterion's threshold (null while unscored). */
export function reachesThreshold(value: number | null, threshold: string): boolean | null {
  if (value === null) return null;
  const limit = hundredths(threshold);
  return limit === null ? null : Math.round(value * 100) >= limit;
}

/** Whether the criterion's comment is required: its score is below the threshold. */
export function commentRequired(value: number | null, threshold: string): boolean {
  return reachesThreshold(value, threshold) === false;
}

/**
 * The weighted total as the API computes it: Σ weight × score over Σ weight, unscored criteria counting 0,
 * two places with halves rounded up ("3.80"). Exact: integer arithmetic on hundredths and half points.
 */
export function weightedTotal(criteria: readonly CriterionRule[], values: Record<string, number | null>): string {
  let weights = 0;
  let points = 0; // Σ weight (hundredths) × score (half points)
  for (const criterion of criteria) {
    const weight = hundredths(criterion.weight) ?? 0;
    weights += weight;
    const value = values[criterion.key];
    if (value !== null && value !== undefined) points += weight * Math.round(value * 2);
  }
  if (weights === 0) return "0.00";
  // total = points / (2 × weights); in hundredths, rounded half up
  const cents = Math.floor((points * 100 * 2 + 2 * weights) / (2 * 2 * weights));
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** Whether the review passes: every criterion at its threshold and the total at the overall one; null if unscored. */
export function reviewPasses(
  criteria: readonly CriterionRule[],
  values: Record<string, number | null>,
  overallThreshold: string,
): boolean | null {
  const results = criteria.map((criterion) => reachesThreshold(values[criterion.key] ?? null, criterion.threshold));
  if (results.some((result) => result === null)) return null;
  const total = hundredths(weightedTotal(criteria, values)) ?? 0;
  return results.every(Boolean) && total >= (hundredths(overallThreshold) ?? 0);
}

/** What stops the draft from being submitted, by criterion: unscored, or below the threshold without a comment. */
export function submissionProblems(
  criteria: readonly CriterionRule[],
  draft: ReviewDraft,
): Record<string, ScoreProblem> {
  const problems: Record<string, ScoreProblem> = {};
  for (const criterion of criteria) {
    const score = draft.scores[criterion.key] ?? { value: null, comment: "" };
    if (score.value === null) problems[criterion.key] = { code: "missing_score" };
    else if (commentRequired(score.value, criterion.threshold) && !score.comment.trim())
      problems[criterion.key] = { code: "comment_required" };
  }
  return problems;
}

/** What stops the draft from being saved: a comment on an unscored criterion would be lost (the API clears it). */
export function saveProblems(criteria: readonly CriterionRule[], draft: ReviewDraft): Record<string, ScoreProblem> {
  const problems: Record<string, ScoreProblem> = {};
  for (const criterion of criteria) {
    const score = draft.scores[criterion.key];
    if (score && score.value === null && score.comment.trim()) {
      problems[criterion.key] = { code: "comment_without_score" };
    }
  }
  return problems;
}

type ApiFieldProblem = { field: string; code?: string | null; message: string };

/**
 * The API's refusal of a submission by criterion: `scores.<key>` (not scored) and `scores.<key>.comment` (a low
 * score without a comment); other fields are left to the problem's detail.
 */
export function problemsByCriterion(errors: readonly ApiFieldProblem[]): Record<string, ScoreProblem> {
  const problems: Record<string, ScoreProblem> = {};
  for (const error of errors) {
    const parts = error.field.split(".");
    if (parts[0] === "body") parts.shift();
    if (parts[0] !== "scores" || !parts[1] || /^\d+$/.test(parts[1])) continue;
    const code: ScoreProblemCode = parts[2] === "comment" ? "comment_required" : "missing_score";
    problems[parts[1]] ??= { code, message: error.message };
  }
  return problems;
}

type SavedLine = { criterion: string; value: string | null; comment: string };

/** The form's starting point from the saved review: every criterion of the rubric, scored or not. */
export function draftFromReview(
  criteria: readonly { key: string }[],
  review: { scores: readonly SavedLine[]; comment: string },
): ReviewDraft {
  const saved = new Map(review.scores.map((line) => [line.criterion, line]));
  const scores: Record<string, DraftScore> = {};
  for (const criterion of criteria) {
    const line = saved.get(criterion.key);
    scores[criterion.key] = { value: parseScore(line?.value), comment: line?.comment ?? "" };
  }
  return { scores, comment: review.comment };
}

/** The PUT body: the scored criteria in the rubric's order (the API clears those left out). */
export function draftToBody(
  criteria: readonly { key: string }[],
  draft: ReviewDraft,
): { scores: { criterion: string; value: number; comment: string }[]; comment: string } {
  const scores = criteria.flatMap((criterion) => {
    const score = draft.scores[criterion.key];
    if (!score || score.value === null) return [];
    return [{ criterion: criterion.key, value: score.value, comment: score.comment.trim() }];
  });
  return { scores, comment: draft.comment.trim() };
}

/** Whether two drafts say the same (comments compared without surrounding spaces). */
export function sameDraft(criteria: readonly { key: string }[], a: ReviewDraft, b: ReviewDraft): boolean {
  const normal = (draft: ReviewDraft) =>
    JSON.stringify([
      criteria.map((criterion) => {
        const score = draft.scores[criterion.key];
        return [score?.value ?? null, score?.comment.trim() ?? ""];
      }),
      draft.comment.trim(),
    ]);
  return normal(a) === normal(b);
}

/** The draft's values by criterion, for the total and the pass/fail. */
export function draftValues(draft: ReviewDraft): Record<string, number | null> {
  return Object.fromEntries(Object.entries(draft.scores).map(([key, score]) => [key, score.value]));
}

/** A weight share ("0.3000") as a whole percentage ("30%" is the caller's formatting of 30). */
export function sharePercent(share: string): number {
  const value = Number(share);
  return Number.isFinite(value) ? Math.round(value * 1000) / 10 : 0;
}
