import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { etagOf } from "@/features/calls/api/get-call";
import { api, unwrap } from "@/lib/api-client";

type PipelinePath = paths["/api/proposals/calls/{call_id}/pipeline"];
export type PipelineOut = PipelinePath["get"]["responses"][200]["content"]["application/json"];
export type PipelineIn = PipelinePath["put"]["requestBody"]["content"]["application/json"];
export type StageKind = PipelineIn["stages"][number]["kind"];
export type Actor = PipelineIn["transitions"][number]["actors"][number];
export type Guard = NonNullable<PipelineIn["transitions"][number]["guard"]>;

/** The pipeline and the call version it was read at (its ETag is the call's). */
export type VersionedPipeline = { pipeline: PipelineOut; etag: string };

export async function getPipeline(id: string): Promise<VersionedPipeline> {
  const request = api.GET("/api/proposals/calls/{call_id}/pipeline", { params: { path: { call_id: id } } });
  const pipeline = await unwrap(request);
  const { response } = await request;
  return { pipeline, etag: etagOf(response, pipeline.version) };
}

export const pipelineQueryKey = (id: string) => ["calls", "pipeline", id] as const;

export const pipelineQueryOptions = (id: string) =>
  queryOptions({ queryKey: pipelineQueryKey(id), queryFn: () => getPipeline(id), staleTime: 30_000 });

export function usePipeline(id: string) {
  return useQuery(pipelineQueryOptions(id));
}
