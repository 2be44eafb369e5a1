/** A weight as typed in the rubric: a positive number ("30", "0.3", "12,5"), else null. */
export function parseWeight(value: string): number | null {
  const text = value.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const number = Number(text);
  return number > 0 ? number : null;
}

/**
 * Each weight's share of the total (0–1), as the scoring normalises them: 30/30/20/20 and 0.3/0.3/0.2/0.2 are
 * the same rubric. A weight that is not a positive number has no share (null) and counts for nothing.
 */
export function weightShares(weights: readonly string[]): (number | null)[] {
  const parsed = weights.map(parseWeight);
  const total = parsed.reduce<number>((sum, weight) => sum + (weight ?? 0), 0);
  return parsed.map((weight) => (weight === null || total === 0 ? null : weight / total));
}
