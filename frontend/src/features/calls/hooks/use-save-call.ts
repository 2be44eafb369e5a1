import { useMutation, useQueryClient } from "@tanstack/react-query";

import { createCall, type CallCreate } from "@/features/calls/api/create-call";
import { callQueryKey, type VersionedCall } from "@/features/calls/api/get-call";
import type { CallStatus } from "@/features/calls/api/get-calls";
import { updateCall } from "@/features/calls/api/update-call";

type SaveCall =
  | { mode: "create"; body: CallCreate; status: CallStatus }
  | { mode: "edit"; id: string; etag: string; body: CallCreate; status: CallStatus };

/** The saved call; `publishError` when a new call was created as a draft but could not be published. */
export type SavedCall = { saved: VersionedCall; publishError?: unknown };

/**
 * Saves the call form: a new call is created as a draft (the API's rule) and, when the admin chose
 * "published", moved there at once with the ETag the creation returned; an existing call is patched with
 * If-Match, its status included.
 */
export async function saveCall(request: SaveCall): Promise<SavedCall> {
  if (request.mode === "edit") {
    const { id, etag, body, status } = request;
    return { saved: await updateCall({ id, etag, body: { ...body, status } }) };
  }
  const created = await createCall(request.body);
  if (request.status === "draft") return { saved: created };
  try {
    const published = await updateCall({ id: created.call.id, etag: created.etag, body: { status: request.status } });
    return { saved: published };
  } catch (publishError) {
    return { saved: created, publishError };
  }
}

export function useSaveCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCall,
    onSuccess: ({ saved }) => {
      queryClient.setQueryData(callQueryKey(saved.call.id), saved);
      void queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["calls", "targets", saved.call.id] });
      void queryClient.invalidateQueries({ queryKey: ["calls", "pipeline", saved.call.id] });
    },
  });
}
