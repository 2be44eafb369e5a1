import type { components } from "@/api/schema";

/** RFC 9457 problem details, as every API error is sent (the shape is the API's own `Problem` schema). */
export type FieldProblem = components["schemas"]["FieldProblem"];
export type ProblemDocument = components["schemas"]["Problem"];

/** An API call that failed; carries the problem document (or one made up when the body was not one). */
export class ApiProblem extends Error {
  readonly problem: ProblemDocument;

  constructor(problem: ProblemDocument) {
    super(problem.detail ?? problem.title);
    this.name = "ApiProblem";
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get detail(): string | null {
    return this.problem.detail ?? null;
  }

  /** Field errors keyed by the last segment of `field` ("body.email" -> "email"). */
  get fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      const name = error.field.split(".").at(-1) ?? error.field;
      byField[name] ??= error.message;
    }
    return byField;
  }
}

function isProblemDocument(value: unknown): value is ProblemDocument {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { title?: unknown }).title === "string" &&
    typeof (value as { status?: unknown }).status === "number"
  );
}

/** Turns whatever an API call failed with (a problem body, something else, nothing) into an ApiProblem. */
export function toApiProblem(body: unknown, response: Response): ApiProblem {
  if (isProblemDocument(body)) return new ApiProblem(body);
  return new ApiProblem({
    type: "about:blank",
    title: response.statusText || "Request failed",
    status: response.status,
  });
}

/** The call never got an answer (offline, gateway down). */
export function networkProblem(): ApiProblem {
  return new ApiProblem({ type: "urn:tex4im:problem:network", title: "Network error", status: 0 });
}
