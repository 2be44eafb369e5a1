import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type SavedSearchList =
  paths["/api/intelligence/saved-searches"]["get"]["responses"][200]["content"]["application/json"];
export type SavedSearch = SavedSearchList["items"][number];

export const savedSearchesQueryKey = ["opportunities", "saved-searches"] as const;

const PAGE_SIZE = 200;

/** The caller's saved searches, each with how many results are new since they last looked. */
export async function getSavedSearches(): Promise<SavedSearch[]> {
  const searches: SavedSearch[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await unwrap(
      api.GET("/api/intelligence/saved-searches", {
        params: { query: cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE } },
      }),
    );
    searches.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return searches;
}

export const savedSearchesQueryOptions = () =>
  queryOptions({ queryKey: savedSearchesQueryKey, queryFn: getSavedSearches, staleTime: 30_000 });

export function useSavedSearches() {
  return useQuery(savedSearchesQueryOptions());
}
