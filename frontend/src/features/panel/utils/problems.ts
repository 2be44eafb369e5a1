import { ApiProblem } from "@/lib/problem";

/** The API's field problems by path inside the body ("body.reason" → "reason"); the first of a path wins. */
export function problemsByPath(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const byPath: Record<string, string> = {};
  for (const problem of error.problem.errors ?? []) {
    const parts = problem.field.split(".");
    byPath[(parts[0] === "body" ? parts.slice(1) : parts).join(".")] ??= problem.message;
  }
  return byPath;
}

/** Every field problem's message, in order (e.g. what a step's guard still lacks). */
export function problemMessages(error: unknown): string[] {
  if (!(error instanceof ApiProblem)) return [];
  return (error.problem.errors ?? []).map((problem) => problem.message);
}

export function problemStatus(error: unknown): number | null {
  return error instanceof ApiProblem ? error.status : null;
}
