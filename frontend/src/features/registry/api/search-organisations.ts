import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import type { SearchQuery } from "@/features/registry/utils/search-params";
import { api, unwrap } from "@/lib/api-client";

type SearchOperation = paths["/api/intelligence/search/organisations"]["get"];
export type OrganisationSearchAnswer = SearchOperation["responses"][200]["content"]["application/json"];
export type OrganisationHit = OrganisationSearchAnswer["items"][number];
export type SearchFacets = OrganisationSearchAnswer["facets"];
export type FacetBucket = SearchFacets["region"][number];
type ApiSearchQuery = NonNullable<SearchOperation["parameters"]["query"]>;

export const SEARCH_PAGE_SIZE = 20;

/** One page of organisations matching the search, with the disjunctive facet counts and the total. */
export function searchOrganisations(query: SearchQuery, cursor: string | null): Promise<OrganisationSearchAnswer> {
  // the filter values come from the address: the API validates them and answers 422 for a wrong one
  const params = { ...query, limit: SEARCH_PAGE_SIZE, ...(cursor ? { cursor } : {}) } as ApiSearchQuery;
  return unwrap(api.GET("/api/intelligence/search/organisations", { params: { query: params } }));
}

export const organisationSearchQueryOptions = (query: SearchQuery) =>
  infiniteQueryOptions({
    queryKey: ["registry", "search", query],
    queryFn: ({ pageParam }) => searchOrganisations(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    // keep the previous results on screen while a changed search loads
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export function useOrganisationSearch(query: SearchQuery) {
  return useInfiniteQuery(organisationSearchQueryOptions(query));
}
