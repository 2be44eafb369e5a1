import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type Operation = paths["/api/proposals/organisations"]["get"];
export type OrganisationOption = Operation["responses"][200]["content"]["application/json"]["items"][number];

export const ORGANISATION_SEARCH_LIMIT = 10;

/** Registry organisations whose name contains `q` (the proposals service's copy), the first few by name. */
export async function searchOrganisations(q: string): Promise<OrganisationOption[]> {
  const page = await unwrap(
    api.GET("/api/proposals/organisations", { params: { query: { q, limit: ORGANISATION_SEARCH_LIMIT } } }),
  );
  return page.items;
}

export const organisationSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ["evaluation", "organisations", q],
    queryFn: () => searchOrganisations(q),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

export function useOrganisationSearch(q: string) {
  const trimmed = q.trim();
  return useQuery({ ...organisationSearchQueryOptions(trimmed), enabled: trimmed.length >= 2 });
}
