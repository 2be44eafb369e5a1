import { ApiProblem } from "@/lib/problem";

/**
 * The API's field problems by path inside the request body: "body.criteria.2.weight" → "criteria.2.weight",
 * "body.code" → "code"; a problem about the whole body ("body") is under "". The first problem of a path wins.
 */
export function problemsByPath(error: unknown): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const { path, message } of problemList(error)) byPath[path] ??= message;
  return byPath;
}

/** Every field problem of the API's answer in order, with its path inside the body (see `problemsByPath`). */
export function problemList(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiProblem)) return [];
  return (error.problem.errors ?? []).map((problem) => {
    const parts = problem.field.split(".");
    return { path: (parts[0] === "body" ? parts.slice(1) : parts).join("."), message: problem.message };
  });
}

/**
 * The problems at `prefix` or below it that no input in `claimed` shows, e.g. a whole row ("targets.3") or an
 * option of a choice field ("fields.0.options.2"): shown with the row or the section instead.
 */
export function unclaimedProblems(
  problems: Record<string, string>,
  prefix: string,
  claimed: readonly string[],
): string[] {
  const taken = new Set(claimed);
  return Object.entries(problems)
    .filter(([path]) => (path === prefix || path.startsWith(`${prefix}.`)) && !taken.has(path))
    .map(([, message]) => message);
}

/** Problems found before sending win over the API's (they describe what is on screen now). */
export function mergeProblems(
  local: Record<string, string>,
  fromApi: Record<string, string>,
): Record<string, string> {
  return { ...fromApi, ...local };
}
