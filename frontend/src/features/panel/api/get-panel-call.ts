import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type CallPath = paths["/api/proposals/calls/{call_id}"]["get"];
/** The call as the panel reads it: its rubric (weights, thresholds) and its selection rules. */
export type PanelCall = CallPath["responses"][200]["content"]["application/json"];
export type PanelCriterion = PanelCall["criteria"][number];

export function getPanelCall(callId: string): Promise<PanelCall> {
  return unwrap(api.GET("/api/proposals/calls/{call_id}", { params: { path: { call_id: callId } } }));
}

export const panelCallQueryOptions = (callId: string) =>
  queryOptions({ queryKey: ["panel", "call", callId], queryFn: () => getPanelCall(callId), staleTime: 60_000 });

export function usePanelCall(callId: string | undefined) {
  return useQuery({ ...panelCallQueryOptions(callId ?? ""), enabled: Boolean(callId) });
}
