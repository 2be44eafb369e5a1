import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type AssignmentsPath = paths["/api/proposals/calls/{call_id}/assignments"]["get"];
type AssignmentPage = AssignmentsPath["responses"][200]["content"]["application/json"];
/** One evaluator on one proposal, with the review's status (and, for the admin, the scores). */
export type Assignment = AssignmentPage["items"][number];
export type AssignmentStatus = Assignment["status"];

const PAGE_SIZE = 200; // the API's cap

/** Every assignment of the call, all pages (a call has a few dozen proposals with a few evaluators each). */
export async function getCallAssignments(callId: string): Promise<Assignment[]> {
  const items: Assignment[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await unwrap(
      api.GET("/api/proposals/calls/{call_id}/assignments", {
        params: { path: { call_id: callId }, query: cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE } },
      }),
    );
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

export const callAssignmentsQueryKey = (callId: string) => ["panel", "assignments", callId] as const;

export const callAssignmentsQueryOptions = (callId: string) =>
  queryOptions({ queryKey: callAssignmentsQueryKey(callId), queryFn: () => getCallAssignments(callId), staleTime: 15_000 });

export function useCallAssignments(callId: string) {
  return useQuery(callAssignmentsQueryOptions(callId));
}
