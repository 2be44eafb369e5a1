import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type Operation = paths["/api/proposals/assignments/{assignment_id}"]["get"];
export type AssignmentDetail = Operation["responses"][200]["content"]["application/json"];
export type Criterion = AssignmentDetail["criteria"][number];
export type Review = AssignmentDetail["review"];
export type ScoreLine = Review["scores"][number];
export type FrozenVersion = NonNullable<AssignmentDetail["version"]>;

/** The assignment and the version of its review it was read at (sent back as If-Match when saving). */
export type VersionedAssignment = { assignment: AssignmentDetail; etag: string };

/** The ETag the API sent, or the one it would send for this version of the review (`"4"`). */
export function reviewEtag(response: Response, version: number): string {
  return response.headers.get("ETag") ?? `"${version}"`;
}

/** One of the caller's assignments: the frozen proposal, the rubric, the review so far and its live total. */
export async function getAssignment(id: string): Promise<VersionedAssignment> {
  const call = api.GET("/api/proposals/assignments/{assignment_id}", { params: { path: { assignment_id: id } } });
  const assignment = await unwrap(call);
  const { response } = await call;
  return { assignment, etag: reviewEtag(response, assignment.review.version) };
}

export const assignmentQueryKey = (id: string) => ["evaluation", "assignments", id] as const;

export const assignmentQueryOptions = (id: string) =>
  queryOptions({ queryKey: assignmentQueryKey(id), queryFn: () => getAssignment(id), staleTime: 30_000 });

export function useAssignment(id: string) {
  return useQuery(assignmentQueryOptions(id));
}
