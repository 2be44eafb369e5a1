import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import {
  myEvaluatorProfileQueryKey,
  type EvaluatorProfile,
} from "@/features/evaluation/api/get-my-evaluator-profile";
import { api, unwrap } from "@/lib/api-client";

export type EvaluatorProfileInput = components["schemas"]["EvaluatorProfileIn"];

/** Joins the pool (created: true, the API's 201) or replaces the caller's profile. */
export async function updateMyEvaluatorProfile(
  body: EvaluatorProfileInput,
): Promise<{ profile: EvaluatorProfile; created: boolean }> {
  const call = api.PUT("/api/proposals/evaluators/me", { body });
  const profile = await unwrap(call);
  const { response } = await call;
  return { profile, created: response.status === 201 };
}

export function useUpdateMyEvaluatorProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMyEvaluatorProfile,
    onSuccess: ({ profile }) => {
      queryClient.setQueryData(myEvaluatorProfileQueryKey, profile);
      // conflicts derive from the organisation and the region: the proposals' conflict lists change
      void queryClient.invalidateQueries({ queryKey: ["evaluation", "proposals"] });
    },
  });
}
