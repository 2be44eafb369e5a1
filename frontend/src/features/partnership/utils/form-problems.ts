import { ApiProblem } from "@/lib/problem";

/**
 * The API's field problems by request-body field: "body.members_sme" -> "members_sme", and a list item
 * ("body.nace_codes.1") -> its list ("nace_codes"). The first problem of a field wins.
 */
export function apiFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const byField: Record<string, string> = {};
  for (const problem of error.problem.errors ?? []) {
    const parts = problem.field.split(".");
    const name = parts[0] === "body" && parts.length > 1 ? parts[1] : parts.at(-1);
    if (name) byField[name] ??= problem.message;
  }
  return byField;
}

/** Field problems found before sending win over the API's (they describe what is on screen now). */
export function mergeFieldErrors(
  local: Record<string, string>,
  fromApi: Record<string, string>,
): Record<string, string> {
  return { ...fromApi, ...local };
}
