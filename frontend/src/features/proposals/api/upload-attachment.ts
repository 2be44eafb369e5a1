import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { comparisonsKey } from "@/features/proposals/api/compare-versions";
import { attachmentsQueryKey, type Attachment } from "@/features/proposals/api/get-attachments";
import { api, unwrap } from "@/lib/api-client";

export type AttachmentKind = components["schemas"]["Body_attachments-upload_attachment"]["kind"];

type UploadInput = { proposalId: string; kind: AttachmentKind; file: File; idempotencyKey: string };

/** Attaches a file; the API decides its type from its content (413 above 20 MB, 422 for a refused type). */
export function uploadAttachment({ proposalId, kind, file, idempotencyKey }: UploadInput): Promise<Attachment> {
  return unwrap(
    api.POST("/api/proposals/proposals/{proposal_id}/attachments", {
      params: { path: { proposal_id: proposalId }, header: { "Idempotency-Key": idempotencyKey } },
      // multipart/form-data: the browser sets the boundary
      body: { kind, file: file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append("kind", kind);
        form.append("file", file, file.name);
        return form;
      },
    }),
  );
}

export function useUploadAttachment(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<UploadInput, "proposalId">) => uploadAttachment({ proposalId, ...input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(proposalId) });
      void queryClient.invalidateQueries({ queryKey: comparisonsKey(proposalId) });
    },
  });
}
