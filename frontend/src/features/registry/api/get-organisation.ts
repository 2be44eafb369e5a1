import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type Organisation = components["schemas"]["OrganisationDetail"];
export type Contact = NonNullable<Organisation["contacts"]>[number];

/** The record and the ETag to send back as If-Match when changing it. */
export type OrganisationWithEtag = { organisation: Organisation; etag: string };

/** The version tag the API sends (`"3"`); built from `version` if a proxy dropped the header. */
export function etagOf(response: Response, organisation: Organisation): string {
  return response.headers.get("ETag") ?? `"${organisation.version}"`;
}

/** One organisation; its contacts only when the caller may see them (else null). */
export async function getOrganisation(id: string): Promise<OrganisationWithEtag> {
  const result = await api.GET("/api/intelligence/organisations/{organisation_id}", {
    params: { path: { organisation_id: id } },
  });
  const organisation = await unwrap(Promise.resolve(result));
  return { organisation, etag: etagOf(result.response, organisation) };
}

export const organisationQueryKey = (id: string) => ["registry", "organisations", id] as const;

export const organisationQueryOptions = (id: string) =>
  queryOptions({ queryKey: organisationQueryKey(id), queryFn: () => getOrganisation(id) });

export function useOrganisation(id: string | null) {
  return useQuery({ ...organisationQueryOptions(id ?? ""), enabled: Boolean(id) });
}
