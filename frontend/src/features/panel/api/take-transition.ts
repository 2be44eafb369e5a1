import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type TakePath = paths["/api/proposals/proposals/{proposal_id}/transitions"]["post"];
export type TransitionRequest = TakePath["requestBody"]["content"]["application/json"];
export type ProposalAfterStep = TakePath["responses"][200]["content"]["application/json"];

/** Takes a step (e.g. "admit_to_evaluation"); 409 with `errors` when its guard is not met, 422 without a needed comment. */
export function takeTransition(proposalId: string, body: TransitionRequest): Promise<ProposalAfterStep> {
  return unwrap(
    api.POST("/api/proposals/proposals/{proposal_id}/transitions", {
      params: { path: { proposal_id: proposalId }, header: { "Idempotency-Key": crypto.randomUUID() } },
      body,
    }),
  );
}

export function useTakeTransition(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionRequest) => takeTransition(proposalId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["panel", "transitions", proposalId] });
      void queryClient.invalidateQueries({ queryKey: ["panel", "screening", proposalId] });
      // the proposal pages (features/proposals) read it under their own keys
      void queryClient.invalidateQueries({ queryKey: ["proposals"] });
    },
  });
}
