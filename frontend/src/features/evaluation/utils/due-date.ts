/** How close a due date is: past, within a week, later, or none given. */
export type Urgency = "overdue" | "soon" | "later" | "none";

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The urgency of `dueAt` (an instant) at `now`; a submitted review is never urgent. */
export function urgencyOf(dueAt: string | null, now: number = Date.now(), submitted = false): Urgency {
  if (!dueAt || submitted) return "none";
  const at = new Date(dueAt).getTime();
  if (Number.isNaN(at)) return "none";
  if (at < now) return "overdue";
  return at - now <= WEEK_MS ? "soon" : "later";
}

/** Whether the instant has passed at `now`. */
export function isPast(at: string, now: number = Date.now()): boolean {
  const time = new Date(at).getTime();
  return !Number.isNaN(time) && time < now;
}

type Ordered = { status: string; due_at: string | null; submitted_at: string | null };

/**
 * The workspace's order: reviews still to submit first, the nearest due date first (none last), then the submitted
 * ones, the latest submission first. Stable for equal keys.
 */
export function workspaceOrder<T extends Ordered>(assignments: readonly T[]): T[] {
  const time = (value: string | null, missing: number) => (value ? new Date(value).getTime() || missing : missing);
  return [...assignments].sort((a, b) => {
    const aDone = a.status === "submitted";
    const bDone = b.status === "submitted";
    if (aDone !== bDone) return aDone ? 1 : -1;
    if (!aDone) return time(a.due_at, Infinity) - time(b.due_at, Infinity);
    return time(b.submitted_at, -Infinity) - time(a.submitted_at, -Infinity);
  });
}
