import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

/** A call with its rules, dates, proposal form (its own questions) and pipeline. */
export type Call = paths["/api/proposals/calls/{call_id}"]["get"]["responses"][200]["content"]["application/json"];
export type CallField = Call["fields"][number];
export type FieldType = CallField["type"];

export function getCall(callId: string): Promise<Call> {
  return unwrap(api.GET("/api/proposals/calls/{call_id}", { params: { path: { call_id: callId } } }));
}

export const callQueryKey = (callId: string) => ["proposals", "call", callId] as const;

export const callQueryOptions = (callId: string) =>
  queryOptions({ queryKey: callQueryKey(callId), queryFn: () => getCall(callId), staleTime: 60_000 });

export function useCall(callId: string | null) {
  return useQuery({ ...callQueryOptions(callId ?? ""), enabled: Boolean(callId) });
}
