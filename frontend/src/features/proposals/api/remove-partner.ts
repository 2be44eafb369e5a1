import { useMutation, useQueryClient } from "@tanstack/react-query";

import { invalidatePartnersOf } from "@/features/proposals/api/invite-partner";
import { api, unwrap } from "@/lib/api-client";

type RemoveInput = { proposalId: string; organisationId: string };

/** Takes an organisation out of the proposal (invited, confirmed or declined). */
export function removePartner({ proposalId, organisationId }: RemoveInput): Promise<unknown> {
  return unwrap(
    api.DELETE("/api/proposals/proposals/{proposal_id}/partners/{organisation_id}", {
      params: { path: { proposal_id: proposalId, organisation_id: organisationId } },
    }),
  );
}

export function useRemovePartner(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) => removePartner({ proposalId, organisationId }),
    onSuccess: () => invalidatePartnersOf(queryClient, proposalId),
  });
}
