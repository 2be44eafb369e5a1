import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { screeningQueryKey, type Screening } from "@/features/panel/api/get-screening";
import { api, unwrap } from "@/lib/api-client";

type ScreeningPath = paths["/api/proposals/proposals/{proposal_id}/screening"]["put"];
export type ScreeningDecisionIn = ScreeningPath["requestBody"]["content"]["application/json"];

/**
 * Records (or replaces) the eligibility decision while the proposal is in screening. Deciding "eligible" over
 * a failed check needs a reason of at least 30 characters (else 422 on `body.reason`).
 */
export function decideScreening(proposalId: string, body: ScreeningDecisionIn): Promise<Screening> {
  return unwrap(
    api.PUT("/api/proposals/proposals/{proposal_id}/screening", {
      params: { path: { proposal_id: proposalId }, header: { "Idempotency-Key": crypto.randomUUID() } },
      body,
    }),
  );
}

export function useDecideScreening(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScreeningDecisionIn) => decideScreening(proposalId, body),
    onSuccess: (screening) => {
      queryClient.setQueryData(screeningQueryKey(proposalId), screening);
      // the screening guards of the next steps read the decision
      void queryClient.invalidateQueries({ queryKey: ["panel", "transitions", proposalId] });
    },
  });
}
