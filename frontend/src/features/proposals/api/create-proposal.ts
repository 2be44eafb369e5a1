import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { etagOf, proposalQueryKey, type VersionedProposal } from "@/features/proposals/api/get-proposal";
import { proposalListsKey } from "@/features/proposals/api/get-proposals";
import { stageCountsKey } from "@/features/proposals/api/get-stage-counts";
import { api, unwrap } from "@/lib/api-client";

export type ProposalCreate = components["schemas"]["ProposalCreate"];

type CreateInput = { body: ProposalCreate; idempotencyKey: string };

/** Starts a proposal in the call's first stage; sent again with the same key, it is created once. */
export async function createProposal({ body, idempotencyKey }: CreateInput): Promise<VersionedProposal> {
  const call = api.POST("/api/proposals/proposals", {
    params: { header: { "Idempotency-Key": idempotencyKey } },
    body,
  });
  const proposal = await unwrap(call);
  const { response } = await call;
  return { proposal, etag: etagOf(response, proposal) };
}

export function useCreateProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProposal,
    onSuccess: (created) => {
      queryClient.setQueryData(proposalQueryKey(created.proposal.id), created);
      void queryClient.invalidateQueries({ queryKey: proposalListsKey });
      void queryClient.invalidateQueries({ queryKey: stageCountsKey });
    },
  });
}
