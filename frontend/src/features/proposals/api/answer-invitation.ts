import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { invalidatePartnersOf } from "@/features/proposals/api/invite-partner";
import { api, unwrap } from "@/lib/api-client";

export type AnsweredPartner = components["schemas"]["PartnerOut"];

type AnswerInput = { proposalId: string; organisationId: string; accept: boolean };

/** Confirms or declines one's own organisation's participation in the proposal. */
export function answerInvitation({ proposalId, organisationId, accept }: AnswerInput): Promise<AnsweredPartner> {
  return unwrap(
    api.POST("/api/proposals/proposals/{proposal_id}/partners/{organisation_id}/answer", {
      params: { path: { proposal_id: proposalId, organisation_id: organisationId } },
      body: { accept },
    }),
  );
}

export function useAnswerInvitation(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organisationId, accept }: { organisationId: string; accept: boolean }) =>
      answerInvitation({ proposalId, organisationId, accept }),
    // a confirmed partner becomes a co-author: the permissions change with the proposal
    onSuccess: () => invalidatePartnersOf(queryClient, proposalId),
  });
}
