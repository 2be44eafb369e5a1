import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type SearchOperation = paths["/api/proposals/organisations"]["get"];
export type OrganisationChoice = SearchOperation["responses"][200]["content"]["application/json"]["items"][number];
export type OrganisationSearch = { q: string; region: string | null };

/** One page only: the picker asks for more of the name rather than paging. */
export const ORGANISATION_PAGE_SIZE = 20;

/** Registry organisations by part of their name (and region), to choose a lead or a partner. */
export async function searchOrganisations({ q, region }: OrganisationSearch): Promise<OrganisationChoice[]> {
  const page = await unwrap(
    api.GET("/api/proposals/organisations", {
      params: { query: { limit: ORGANISATION_PAGE_SIZE, ...(q.trim() ? { q: q.trim() } : {}), ...(region ? { region } : {}) } },
    }),
  );
  return page.items;
}

export const organisationSearchQueryOptions = (search: OrganisationSearch) =>
  queryOptions({
    queryKey: ["proposals", "organisations", { q: search.q.trim(), region: search.region }],
    queryFn: () => searchOrganisations(search),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

export function useOrganisationSearch(search: OrganisationSearch, enabled = true) {
  return useQuery({ ...organisationSearchQueryOptions(search), enabled });
}
