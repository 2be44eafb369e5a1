import { queryOptions, useQuery } from "@tanstack/react-query";

import { savedSearchesQueryKey, type SavedSearch } from "@/features/opportunities/api/get-saved-searches";
import { api, unwrap } from "@/lib/api-client";

/** One of the caller's saved searches (404 for anyone else's). */
export function getSavedSearch(id: string): Promise<SavedSearch> {
  return unwrap(
    api.GET("/api/intelligence/saved-searches/{saved_search_id}", { params: { path: { saved_search_id: id } } }),
  );
}

export const savedSearchQueryOptions = (id: string) =>
  queryOptions({ queryKey: [...savedSearchesQueryKey, id], queryFn: () => getSavedSearch(id), staleTime: 30_000 });

export function useSavedSearch(id: string) {
  return useQuery(savedSearchQueryOptions(id));
}
