import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type AutoPath = paths["/api/proposals/calls/{call_id}/assignments/auto"]["post"];
/** What one automatic run did: assignments added and moved, proposals still short and why, evaluators' loads. */
export type AutoAssignmentReport = AutoPath["responses"][200]["content"]["application/json"];
export type ProposalStaffing = AutoAssignmentReport["proposals"][number];

/** Staffs every proposal in evaluation with the call's minimum of evaluators, balancing the load. */
export function autoAssign(callId: string): Promise<AutoAssignmentReport> {
  return unwrap(
    api.POST("/api/proposals/calls/{call_id}/assignments/auto", {
      params: { path: { call_id: callId }, header: { "Idempotency-Key": crypto.randomUUID() } },
    }),
  );
}

export function useAutoAssign(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => autoAssign(callId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["panel", "assignments", callId] });
      void queryClient.invalidateQueries({ queryKey: ["panel", "evaluators"] });
      void queryClient.invalidateQueries({ queryKey: ["panel", "ranking", callId] });
    },
  });
}
