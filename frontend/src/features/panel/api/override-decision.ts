import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { decisionsQueryKey, type Decision, type DecisionList } from "@/features/panel/api/get-decisions";
import { api, unwrap } from "@/lib/api-client";

type OverridePath = paths["/api/proposals/calls/{call_id}/decisions/{proposal_id}"]["patch"];
export type DecisionOverride = OverridePath["requestBody"]["content"]["application/json"];

/** Changes a staged outcome before release, with the note saying why the panel decided otherwise. */
export function overrideDecision(callId: string, proposalId: string, body: DecisionOverride): Promise<Decision> {
  return unwrap(
    api.PATCH("/api/proposals/calls/{call_id}/decisions/{proposal_id}", {
      params: { path: { call_id: callId, proposal_id: proposalId } },
      body,
    }),
  );
}

export function useOverrideDecision(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ proposalId, body }: { proposalId: string; body: DecisionOverride }) =>
      overrideDecision(callId, proposalId, body),
    onSuccess: (decision) =>
      queryClient.setQueryData<DecisionList>(decisionsQueryKey(callId), (old) =>
        old
          ? { ...old, items: old.items.map((item) => (item.proposal.id === decision.proposal.id ? decision : item)) }
          : old,
      ),
  });
}
