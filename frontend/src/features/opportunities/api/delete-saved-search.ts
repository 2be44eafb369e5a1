import { useMutation, useQueryClient } from "@tanstack/react-query";

import { savedSearchesQueryKey } from "@/features/opportunities/api/get-saved-searches";
import { api, unwrap } from "@/lib/api-client";

export function deleteSavedSearch(id: string) {
  return unwrap(
    api.DELETE("/api/intelligence/saved-searches/{saved_search_id}", { params: { path: { saved_search_id: id } } }),
  );
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSavedSearch,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedSearchesQueryKey }),
  });
}
