import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { comparisonsKey } from "@/features/proposals/api/compare-versions";
import { etagOf, proposalQueryKey, type VersionedProposal } from "@/features/proposals/api/get-proposal";
import { proposalListsKey } from "@/features/proposals/api/get-proposals";
import { stageCountsKey } from "@/features/proposals/api/get-stage-counts";
import { timelineQueryKey } from "@/features/proposals/api/get-timeline";
import { transitionsQueryKey } from "@/features/proposals/api/get-transitions";
import { versionsQueryKey } from "@/features/proposals/api/get-versions";
import { api, unwrap } from "@/lib/api-client";

export type TransitionRequest = components["schemas"]["TransitionRequest"];

type TakeInput = { proposalId: string; body: TransitionRequest; idempotencyKey: string };

/**
 * Takes a step (submit, withdraw, start screening…); with the same key it happens once. A guard that is not met
 * is a 409 problem whose `errors` say what is missing; a missing comment is a 422.
 */
export async function takeTransition({ proposalId, body, idempotencyKey }: TakeInput): Promise<VersionedProposal> {
  const call = api.POST("/api/proposals/proposals/{proposal_id}/transitions", {
    params: { path: { proposal_id: proposalId }, header: { "Idempotency-Key": idempotencyKey } },
    body,
  });
  const proposal = await unwrap(call);
  const { response } = await call;
  return { proposal, etag: etagOf(response, proposal) };
}

export function useTakeTransition(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: TransitionRequest; idempotencyKey: string }) =>
      takeTransition({ proposalId, body, idempotencyKey }),
    onSuccess: (moved) => {
      queryClient.setQueryData(proposalQueryKey(proposalId), moved);
      // a new stage: new steps, a new line of history, perhaps a frozen version, other columns on the board
      void queryClient.invalidateQueries({ queryKey: transitionsQueryKey(proposalId) });
      void queryClient.invalidateQueries({ queryKey: timelineQueryKey(proposalId) });
      void queryClient.invalidateQueries({ queryKey: versionsQueryKey(proposalId) });
      void queryClient.invalidateQueries({ queryKey: comparisonsKey(proposalId) });
      void queryClient.invalidateQueries({ queryKey: proposalListsKey });
      void queryClient.invalidateQueries({ queryKey: stageCountsKey });
    },
  });
}
