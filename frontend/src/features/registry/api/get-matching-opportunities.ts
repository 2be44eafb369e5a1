import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type MatchingOperation = paths["/api/intelligence/organisations/{organisation_id}/matching-opportunities"]["get"];
export type MatchingAnswer = MatchingOperation["responses"][200]["content"]["application/json"];
export type Match = MatchingAnswer["items"][number];
export type MatchReason = Match["reasons"][number];

/** Open opportunities ranked by how well they fit the organisation, each with its reasons and mismatches. */
export function getMatchingOpportunities(organisationId: string): Promise<MatchingAnswer> {
  return unwrap(
    api.GET("/api/intelligence/organisations/{organisation_id}/matching-opportunities", {
      params: { path: { organisation_id: organisationId } },
    }),
  );
}

export const matchingOpportunitiesQueryOptions = (organisationId: string) =>
  queryOptions({
    queryKey: ["registry", "organisations", organisationId, "matching-opportunities"],
    queryFn: () => getMatchingOpportunities(organisationId),
  });

export function useMatchingOpportunities(organisationId: string, { enabled = true } = {}) {
  return useQuery({ ...matchingOpportunitiesQueryOptions(organisationId), enabled });
}
