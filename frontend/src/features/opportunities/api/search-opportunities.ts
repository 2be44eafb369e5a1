import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { filtersToQuery, type OpportunityFilters } from "@/features/opportunities/utils/filters";
import { api, unwrap } from "@/lib/api-client";

export type OpportunitySearchPage =
  paths["/api/intelligence/search/opportunities"]["get"]["responses"][200]["content"]["application/json"];
export type OpportunityHit = OpportunitySearchPage["items"][number];
export type Facets = OpportunitySearchPage["facets"];
export type FacetCount = Facets["region"][number];

export const SEARCH_PAGE_SIZE = 50;

/** One page of opportunities matching the filters, with the total and (disjunctive) facet counts. */
export function searchOpportunities(filters: OpportunityFilters, cursor?: string): Promise<OpportunitySearchPage> {
  return unwrap(
    api.GET("/api/intelligence/search/opportunities", {
      params: { query: { ...filtersToQuery(filters), limit: SEARCH_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export const opportunitySearchQueryOptions = (filters: OpportunityFilters) =>
  infiniteQueryOptions({
    queryKey: ["opportunities", "search", filtersToQuery(filters)],
    queryFn: ({ pageParam }) => searchOpportunities(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    staleTime: 30_000,
  });

/** Keeps the previous results on screen while the next filters load (the list does not flash empty). */
export function useOpportunitySearch(filters: OpportunityFilters) {
  return useInfiniteQuery({ ...opportunitySearchQueryOptions(filters), placeholderData: keepPreviousData });
}
