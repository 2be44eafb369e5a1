import { useMutation, useQueryClient } from "@tanstack/react-query";

import { decisionsQueryKey, type DecisionList } from "@/features/panel/api/get-decisions";
import { api, unwrap } from "@/lib/api-client";

/** Releases the staged decisions, once: proposals move on or out and the applicants are told. */
export function releaseDecisions(callId: string, idempotencyKey: string): Promise<DecisionList> {
  return unwrap(
    api.POST("/api/proposals/calls/{call_id}/decisions/release", {
      params: { path: { call_id: callId }, header: { "Idempotency-Key": idempotencyKey } },
    }),
  );
}

export function useReleaseDecisions(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) => releaseDecisions(callId, idempotencyKey),
    onSuccess: (decisions) => {
      queryClient.setQueryData(decisionsQueryKey(callId), decisions);
      void queryClient.invalidateQueries({ queryKey: ["panel", "ranking", callId] });
      void queryClient.invalidateQueries({ queryKey: ["panel", "assignments", callId] });
      void queryClient.invalidateQueries({ queryKey: ["panel", "call", callId] });
      void queryClient.invalidateQueries({ queryKey: ["calls"] });
    },
  });
}
