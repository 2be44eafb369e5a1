import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { callQueryKey, etagOf, type VersionedCall } from "@/features/calls/api/get-call";
import { api, unwrap } from "@/lib/api-client";

export type CallUpdate = components["schemas"]["CallUpdate"];

type UpdateCall = { id: string; etag: string; body: CallUpdate };

/**
 * Changes a call (lists are replaced whole) or moves its status, if nobody changed it since `etag` was read:
 * 412 when stale, 409 when work in progress forbids the change, 422 with `errors` per field.
 */
export async function updateCall({ id, etag, body }: UpdateCall): Promise<VersionedCall> {
  const request = api.PATCH("/api/proposals/calls/{call_id}", {
    params: { path: { call_id: id }, header: { "If-Match": etag } },
    body,
  });
  const call = await unwrap(request);
  const { response } = await request;
  return { call, etag: etagOf(response, call.version) };
}

export function useUpdateCall(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: CallUpdate }) => updateCall({ id, etag, body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(callQueryKey(id), updated);
      void queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["calls", "targets", id] });
      void queryClient.invalidateQueries({ queryKey: ["calls", "pipeline", id] });
    },
  });
}
