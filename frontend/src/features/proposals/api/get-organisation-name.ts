import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

export type OrganisationName = { id: string; name: string; region_code: string | null };

/** The name and region of one registry organisation (a member's own, to preselect it as the lead). */
export async function getOrganisationName(id: string): Promise<OrganisationName> {
  const organisation = await unwrap(
    api.GET("/api/intelligence/organisations/{organisation_id}", { params: { path: { organisation_id: id } } }),
  );
  return { id: organisation.id, name: organisation.name, region_code: organisation.region_code ?? null };
}

export const organisationNameQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ["proposals", "organisation-name", id],
    queryFn: () => getOrganisationName(id),
    staleTime: 10 * 60_000,
  });

export function useOrganisationName(id: string | null) {
  return useQuery({ ...organisationNameQueryOptions(id ?? ""), enabled: Boolean(id) });
}
