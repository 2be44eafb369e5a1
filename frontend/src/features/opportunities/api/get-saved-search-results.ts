import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { savedSearchesQueryKey } from "@/features/opportunities/api/get-saved-searches";
import { api, unwrap } from "@/lib/api-client";

export type SavedSearchResults =
  paths["/api/intelligence/saved-searches/{saved_search_id}/results"]["get"]["responses"][200]["content"]["application/json"];
export type SavedSearchResult = SavedSearchResults["items"][number];

export const RESULTS_LIMIT = 200;

/** The saved search run now; results that appeared since the owner last looked have `is_new`. */
export function getSavedSearchResults(id: string): Promise<SavedSearchResults> {
  return unwrap(
    api.GET("/api/intelligence/saved-searches/{saved_search_id}/results", {
      params: { path: { saved_search_id: id }, query: { limit: RESULTS_LIMIT } },
    }),
  );
}

export const savedSearchResultsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...savedSearchesQueryKey, id, "results"],
    queryFn: () => getSavedSearchResults(id),
    // run afresh each time the search is opened (what is new changes once it is marked seen), never behind the
    // user's back while it is open: marking it seen must not clear the "new" marks on screen
    staleTime: Infinity,
    gcTime: 0,
  });

export function useSavedSearchResults(id: string) {
  return useQuery(savedSearchResultsQueryOptions(id));
}
