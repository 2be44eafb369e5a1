import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type Operation = paths["/api/proposals/me/assignments"]["get"];
export type AssignmentPage = Operation["responses"][200]["content"]["application/json"];
export type AssignmentSummary = AssignmentPage["items"][number];
export type AssignmentStatus = AssignmentSummary["status"];
export type AssignmentReason = AssignmentSummary["reason"];

const PAGE_SIZE = 200; // the API's cap; an evaluator holds a handful of assignments

/** Every assignment of the signed-in evaluator (withdrawn ones left out), oldest first, all pages. */
export async function getMyAssignments(): Promise<AssignmentSummary[]> {
  const items: AssignmentSummary[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await unwrap(
      api.GET("/api/proposals/me/assignments", {
        params: { query: cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE } },
      }),
    );
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

export const myAssignmentsQueryKey = ["evaluation", "my-assignments"] as const;

export const myAssignmentsQueryOptions = () =>
  queryOptions({ queryKey: myAssignmentsQueryKey, queryFn: getMyAssignments, staleTime: 30_000 });

export function useMyAssignments({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...myAssignmentsQueryOptions(), enabled });
}
