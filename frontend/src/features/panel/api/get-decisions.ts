import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type DecisionsPath = paths["/api/proposals/calls/{call_id}/decisions"]["get"];
/** The staged (or released) decisions of a call. */
export type DecisionList = DecisionsPath["responses"][200]["content"]["application/json"];
export type Decision = DecisionList["items"][number];

export function getDecisions(callId: string): Promise<DecisionList> {
  return unwrap(api.GET("/api/proposals/calls/{call_id}/decisions", { params: { path: { call_id: callId } } }));
}

export const decisionsQueryKey = (callId: string) => ["panel", "decisions", callId] as const;

export const decisionsQueryOptions = (callId: string) =>
  queryOptions({ queryKey: decisionsQueryKey(callId), queryFn: () => getDecisions(callId), staleTime: 15_000 });

export function useDecisions(callId: string) {
  return useQuery(decisionsQueryOptions(callId));
}
