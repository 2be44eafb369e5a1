/** Scores from 0 to 5 in half steps, as the consensus takes them. */
export const HALF_STEPS = ["0", "0.5", "1", "1.5", "2", "2.5", "3", "3.5", "4", "4.5", "5"] as const;

/** A decimal from the API ("3.50", "4.0") as one of HALF_STEPS ("3.5", "4"), or "" when there is none. */
export function halfStep(value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === "") return "";
  const number = Number(value);
  if (!Number.isFinite(number)) return "";
  const rounded = Math.round(number * 2) / 2;
  return String(Math.min(5, Math.max(0, rounded)));
}

export type RubricLine = { key: string; weight: string; threshold: string };

/** Half up to two places, on integers so 2.675 is not 2.67. */
function roundTwoPlaces(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/**
 * The weighted total the API computes: Σ weight × score over Σ weight (weights normalised to sum 1), two
 * places; a criterion without a score counts 0.
 */
export function weightedTotal(criteria: readonly RubricLine[], values: Record<string, string>): number {
  const weights = criteria.reduce((sum, criterion) => sum + Number(criterion.weight), 0);
  if (!weights) return 0;
  const points = criteria.reduce((sum, criterion) => {
    const value = values[criterion.key];
    return value === undefined || value === "" ? sum : sum + Number(criterion.weight) * Number(value);
  }, 0);
  return roundTwoPlaces(points / weights);
}

/** Every criterion at its threshold and the total at the call's; null while a criterion has no score. */
export function passes(
  criteria: readonly RubricLine[],
  values: Record<string, string>,
  overallThreshold: string,
): boolean | null {
  if (criteria.some((criterion) => (values[criterion.key] ?? "") === "")) return null;
  const each = criteria.every((criterion) => Number(values[criterion.key]) >= Number(criterion.threshold));
  return each && weightedTotal(criteria, values) >= Number(overallThreshold);
}

/** The criteria that miss their threshold with these values. */
export function belowThreshold(criteria: readonly RubricLine[], values: Record<string, string>): string[] {
  return criteria
    .filter((criterion) => (values[criterion.key] ?? "") !== "" && Number(values[criterion.key]) < Number(criterion.threshold))
    .map((criterion) => criterion.key);
}
