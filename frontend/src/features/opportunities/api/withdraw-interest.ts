import { useMutation, useQueryClient } from "@tanstack/react-query";

import { opportunityQueryKey } from "@/features/opportunities/api/get-opportunity";
import { api, unwrap } from "@/lib/api-client";

/** Takes back the caller's interest in the opportunity. */
export function withdrawInterest(id: string) {
  return unwrap(
    api.DELETE("/api/intelligence/opportunities/{opportunity_id}/interest", {
      params: { path: { opportunity_id: id } },
    }),
  );
}

export function useWithdrawInterest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => withdrawInterest(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunityQueryKey(id) }),
  });
}
