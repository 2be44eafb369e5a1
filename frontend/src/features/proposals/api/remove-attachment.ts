import { useMutation, useQueryClient } from "@tanstack/react-query";

import { comparisonsKey } from "@/features/proposals/api/compare-versions";
import { attachmentsQueryKey } from "@/features/proposals/api/get-attachments";
import { api, unwrap } from "@/lib/api-client";

type RemoveInput = { proposalId: string; attachmentId: string };

/** Removes a file from the working copy; the versions that name it keep it. */
export function removeAttachment({ proposalId, attachmentId }: RemoveInput): Promise<unknown> {
  return unwrap(
    api.DELETE("/api/proposals/proposals/{proposal_id}/attachments/{attachment_id}", {
      params: { path: { proposal_id: proposalId, attachment_id: attachmentId } },
    }),
  );
}

export function useRemoveAttachment(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => removeAttachment({ proposalId, attachmentId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(proposalId) });
      void queryClient.invalidateQueries({ queryKey: comparisonsKey(proposalId) });
    },
  });
}
