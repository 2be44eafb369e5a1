import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type CallPath = paths["/api/proposals/calls/{call_id}"];

/** Everything about a call: its rules, dates, form, rubric, targets and pipeline. */
export type Call = CallPath["get"]["responses"][200]["content"]["application/json"];
export type CallField = Call["fields"][number];
export type Criterion = Call["criteria"][number];
export type Target = Call["targets"][number];
export type Pipeline = Call["pipeline"];
export type Stage = Pipeline["stages"][number];
export type Transition = Pipeline["transitions"][number];
export type TieBreak = Call["tie_breaks"][number];
export type FeedbackPolicy = Call["feedback_policy"];

/** The call and the version it was read at, sent back as If-Match on a change. */
export type VersionedCall = { call: Call; etag: string };

/** The ETag the API sent, or the one it would send for this version (`"7"`). */
export function etagOf(response: Response, version: number): string {
  return response.headers.get("ETag") ?? `"${version}"`;
}

export async function getCall(id: string): Promise<VersionedCall> {
  const request = api.GET("/api/proposals/calls/{call_id}", { params: { path: { call_id: id } } });
  const call = await unwrap(request);
  const { response } = await request;
  return { call, etag: etagOf(response, call.version) };
}

export const callQueryKey = (id: string) => ["calls", "detail", id] as const;

export const callQueryOptions = (id: string) =>
  queryOptions({ queryKey: callQueryKey(id), queryFn: () => getCall(id), staleTime: 30_000 });

export function useCall(id: string) {
  return useQuery(callQueryOptions(id));
}
