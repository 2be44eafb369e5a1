import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { callQueryKey, etagOf, type VersionedCall } from "@/features/calls/api/get-call";
import { api, unwrap } from "@/lib/api-client";

export type CallCreate = components["schemas"]["CallCreate"];

/** Opens a new call as a draft with the default pipeline (the admin only); 409 when the code is taken. */
export async function createCall(body: CallCreate): Promise<VersionedCall> {
  const request = api.POST("/api/proposals/calls", {
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    body,
  });
  const call = await unwrap(request);
  const { response } = await request;
  return { call, etag: etagOf(response, call.version) };
}

export function useCreateCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCall,
    onSuccess: (created) => {
      queryClient.setQueryData(callQueryKey(created.call.id), created);
      void queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
    },
  });
}
