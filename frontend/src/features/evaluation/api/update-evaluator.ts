import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import type { Evaluator } from "@/features/evaluation/api/get-evaluators";
import { api, unwrap } from "@/lib/api-client";

export type EvaluatorPatch = components["schemas"]["EvaluatorPatch"];

/** Changes what the admin may change about an evaluator (active, maximum load, expertise, languages). */
export function updateEvaluator({ id, patch }: { id: string; patch: EvaluatorPatch }): Promise<Evaluator> {
  return unwrap(
    api.PATCH("/api/proposals/evaluators/{evaluator_id}", { params: { path: { evaluator_id: id } }, body: patch }),
  );
}

export function useUpdateEvaluator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEvaluator,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["evaluation", "evaluators"] });
    },
  });
}
