import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

/** A call's stages in display order and the transitions between them. */
export type Pipeline =
  paths["/api/proposals/calls/{call_id}/pipeline"]["get"]["responses"][200]["content"]["application/json"];
export type PipelineStage = Pipeline["stages"][number];

export function getPipeline(callId: string): Promise<Pipeline> {
  return unwrap(api.GET("/api/proposals/calls/{call_id}/pipeline", { params: { path: { call_id: callId } } }));
}

export const pipelineQueryKey = (callId: string) => ["proposals", "pipeline", callId] as const;

export const pipelineQueryOptions = (callId: string) =>
  queryOptions({ queryKey: pipelineQueryKey(callId), queryFn: () => getPipeline(callId), staleTime: 5 * 60_000 });

export function usePipeline(callId: string | null) {
  return useQuery({ ...pipelineQueryOptions(callId ?? ""), enabled: Boolean(callId) });
}
