import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { comparisonsKey } from "@/features/proposals/api/compare-versions";
import { proposalQueryKey } from "@/features/proposals/api/get-proposal";
import { proposalListsKey } from "@/features/proposals/api/get-proposals";
import { timelineQueryKey } from "@/features/proposals/api/get-timeline";
import { transitionsQueryKey } from "@/features/proposals/api/get-transitions";
import { api, unwrap } from "@/lib/api-client";

export type PartnerInvite = components["schemas"]["PartnerInvite"];
export type InvitedPartner = components["schemas"]["PartnerOut"];

type InviteInput = { proposalId: string; body: PartnerInvite; idempotencyKey: string };

/** Invites an organisation to join; its members are told in the app and confirm or decline. */
export function invitePartner({ proposalId, body, idempotencyKey }: InviteInput): Promise<InvitedPartner> {
  return unwrap(
    api.POST("/api/proposals/proposals/{proposal_id}/partners", {
      params: { path: { proposal_id: proposalId }, header: { "Idempotency-Key": idempotencyKey } },
      body,
    }),
  );
}

export function useInvitePartner(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: PartnerInvite; idempotencyKey: string }) =>
      invitePartner({ proposalId, body, idempotencyKey }),
    onSuccess: () => invalidatePartnersOf(queryClient, proposalId),
  });
}

/** What a change of partners makes stale: the proposal (and its version), its steps' guards, history, lists. */
export function invalidatePartnersOf(queryClient: ReturnType<typeof useQueryClient>, proposalId: string) {
  void queryClient.invalidateQueries({ queryKey: proposalQueryKey(proposalId) });
  void queryClient.invalidateQueries({ queryKey: transitionsQueryKey(proposalId) });
  void queryClient.invalidateQueries({ queryKey: timelineQueryKey(proposalId) });
  void queryClient.invalidateQueries({ queryKey: comparisonsKey(proposalId) });
  void queryClient.invalidateQueries({ queryKey: proposalListsKey });
}
