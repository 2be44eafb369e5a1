import { useMutation, useQueryClient } from "@tanstack/react-query";

import { duplicatesQueryKey, type Duplicate } from "@/features/registry/api/get-duplicates";
import { api, unwrap } from "@/lib/api-client";

/** Marks the pair as two different organisations; it is not proposed again. */
export function dismissDuplicate(id: string): Promise<Duplicate> {
  return unwrap(
    api.POST("/api/intelligence/organisation-duplicates/{candidate_id}/dismiss", {
      params: { path: { candidate_id: id } },
    }),
  );
}

export function useDismissDuplicate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: dismissDuplicate,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: duplicatesQueryKey }),
  });
}
