import { useMutation, useQueryClient } from "@tanstack/react-query";

import { decisionsQueryKey, type DecisionList } from "@/features/panel/api/get-decisions";
import { api, unwrap } from "@/lib/api-client";

/** Stages a decision per proposal from the current ranking, replacing the unreleased ones (409 if not ready). */
export function stageDecisions(callId: string): Promise<DecisionList> {
  return unwrap(api.POST("/api/proposals/calls/{call_id}/decisions/stage", { params: { path: { call_id: callId } } }));
}

export function useStageDecisions(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => stageDecisions(callId),
    onSuccess: (decisions) => queryClient.setQueryData(decisionsQueryKey(callId), decisions),
  });
}
