import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { evaluationQueryKey, type ConsensusView, type Evaluation } from "@/features/panel/api/get-evaluation";
import { api, unwrap } from "@/lib/api-client";

type ConsensusPath = paths["/api/proposals/proposals/{proposal_id}/consensus"]["put"];
export type ConsensusIn = ConsensusPath["requestBody"]["content"]["application/json"];

/** The ETag of a consensus: its version (`"3"`); none before the first save. */
export const consensusEtag = (version: number) => `"${version}"`;

/**
 * Writes the consensus (a criterion left out takes the suggested score); with If-Match once it exists, so a
 * colleague's change is not overwritten (412). Changing a finalised consensus reopens it.
 */
export function saveConsensus(proposalId: string, body: ConsensusIn, etag: string | null): Promise<ConsensusView> {
  return unwrap(
    api.PUT("/api/proposals/proposals/{proposal_id}/consensus", {
      params: { path: { proposal_id: proposalId }, header: etag ? { "If-Match": etag } : {} },
      body,
    }),
  );
}

export function useSaveConsensus(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: ConsensusIn; etag: string | null }) => saveConsensus(proposalId, body, etag),
    onSuccess: (view) => {
      queryClient.setQueryData<Evaluation>(evaluationQueryKey(proposalId), (old) => (old ? { ...old, consensus: view } : old));
      void queryClient.invalidateQueries({ queryKey: ["panel", "ranking"] });
    },
  });
}
