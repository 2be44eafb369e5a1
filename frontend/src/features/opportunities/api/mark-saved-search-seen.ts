import { useMutation, useQueryClient } from "@tanstack/react-query";

import { savedSearchesQueryKey } from "@/features/opportunities/api/get-saved-searches";
import { api, unwrap } from "@/lib/api-client";

/** Records that the owner has looked at the results now: the "new" count starts again from zero. */
export function markSavedSearchSeen(id: string) {
  return unwrap(
    api.POST("/api/intelligence/saved-searches/{saved_search_id}/seen", {
      params: { path: { saved_search_id: id } },
    }),
  );
}

export function useMarkSavedSearchSeen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markSavedSearchSeen,
    // refresh the list's badges, not the open results (they keep showing what was new)
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedSearchesQueryKey, exact: true }),
  });
}
