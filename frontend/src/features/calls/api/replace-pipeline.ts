import { useMutation, useQueryClient } from "@tanstack/react-query";

import { etagOf } from "@/features/calls/api/get-call";
import { pipelineQueryKey, type PipelineIn, type VersionedPipeline } from "@/features/calls/api/get-pipeline";
import { api, unwrap } from "@/lib/api-client";

type ReplacePipeline = { id: string; etag: string; body: PipelineIn };

/**
 * Replaces the call's stages and transitions with If-Match on the call's ETag: 422 names each fault
 * (`body.transitions.3.to_stage`), 409 when a removed stage still holds proposals, 412 when stale.
 */
export async function replacePipeline({ id, etag, body }: ReplacePipeline): Promise<VersionedPipeline> {
  const request = api.PUT("/api/proposals/calls/{call_id}/pipeline", {
    params: { path: { call_id: id }, header: { "If-Match": etag } },
    body,
  });
  const pipeline = await unwrap(request);
  const { response } = await request;
  return { pipeline, etag: etagOf(response, pipeline.version) };
}

export function useReplacePipeline(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: PipelineIn }) => replacePipeline({ id, etag, body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(pipelineQueryKey(id), saved);
      // the call's version (its ETag) moved with the pipeline
      void queryClient.invalidateQueries({ queryKey: ["calls", "detail", id] });
      void queryClient.invalidateQueries({ queryKey: ["calls", "targets", id] });
    },
  });
}
