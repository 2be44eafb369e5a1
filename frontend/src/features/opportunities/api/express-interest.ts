import { useMutation, useQueryClient } from "@tanstack/react-query";

import { opportunityQueryKey } from "@/features/opportunities/api/get-opportunity";
import { api, unwrap } from "@/lib/api-client";

/** Says the caller is interested in the opportunity, with an optional note to its managers. */
export function expressInterest({ id, message }: { id: string; message: string }) {
  const text = message.trim();
  return unwrap(
    api.PUT("/api/intelligence/opportunities/{opportunity_id}/interest", {
      params: { path: { opportunity_id: id } },
      body: text ? { message: text } : {},
    }),
  );
}

export function useExpressInterest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: string) => expressInterest({ id, message }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunityQueryKey(id) }),
  });
}
