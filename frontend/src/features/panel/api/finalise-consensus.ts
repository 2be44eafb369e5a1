import { useMutation, useQueryClient } from "@tanstack/react-query";

import { evaluationQueryKey, type ConsensusView, type Evaluation } from "@/features/panel/api/get-evaluation";
import { api, unwrap } from "@/lib/api-client";

/** Settles the consensus once the evaluation is ready (409 with the reasons when it is not). */
export function finaliseConsensus(proposalId: string, etag: string): Promise<ConsensusView> {
  return unwrap(
    api.POST("/api/proposals/proposals/{proposal_id}/consensus/finalise", {
      params: { path: { proposal_id: proposalId }, header: { "If-Match": etag } },
    }),
  );
}

export function useFinaliseConsensus(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (etag: string) => finaliseConsensus(proposalId, etag),
    onSuccess: (view) => {
      queryClient.setQueryData<Evaluation>(evaluationQueryKey(proposalId), (old) => (old ? { ...old, consensus: view } : old));
      void queryClient.invalidateQueries({ queryKey: ["panel", "ranking"] });
    },
  });
}
