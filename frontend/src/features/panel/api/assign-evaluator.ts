import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type AssignPath = paths["/api/proposals/proposals/{proposal_id}/assignments"]["post"];
export type NewAssignment = AssignPath["responses"][201]["content"]["application/json"];

/** Assigns an evaluator by hand; a conflict of interest, a full load or a duplicate is refused (409). */
export function assignEvaluator(proposalId: string, evaluatorId: string): Promise<NewAssignment> {
  return unwrap(
    api.POST("/api/proposals/proposals/{proposal_id}/assignments", {
      params: { path: { proposal_id: proposalId }, header: { "Idempotency-Key": crypto.randomUUID() } },
      body: { evaluator_id: evaluatorId },
    }),
  );
}

export function useAssignEvaluator(callId: string, proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evaluatorId: string) => assignEvaluator(proposalId, evaluatorId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["panel", "assignments", callId] });
      void queryClient.invalidateQueries({ queryKey: ["panel", "evaluators"] });
    },
  });
}
