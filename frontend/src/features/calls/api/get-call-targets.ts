import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type TargetsPath = paths["/api/proposals/calls/{call_id}/targets"]["get"];
export type CallTargets = TargetsPath["responses"][200]["content"]["application/json"];
export type TargetProgress = CallTargets["items"][number];
export type TargetMetric = TargetProgress["metric"];

/** The call's portfolio targets with what has been reached so far (`actual` null where it is not counted yet). */
export function getCallTargets(id: string): Promise<CallTargets> {
  return unwrap(api.GET("/api/proposals/calls/{call_id}/targets", { params: { path: { call_id: id } } }));
}

export const callTargetsQueryOptions = (id: string) =>
  queryOptions({ queryKey: ["calls", "targets", id], queryFn: () => getCallTargets(id), staleTime: 60_000 });

export function useCallTargets(id: string) {
  return useQuery(callTargetsQueryOptions(id));
}
