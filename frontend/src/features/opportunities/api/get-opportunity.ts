import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type OpportunityDetail = components["schemas"]["OpportunityDetailOut"];

/** One opportunity, with the caller's own interest and, for its managers, how many are interested. */
export function getOpportunity(id: string): Promise<OpportunityDetail> {
  return unwrap(api.GET("/api/intelligence/opportunities/{opportunity_id}", { params: { path: { opportunity_id: id } } }));
}

export const opportunityQueryKey = (id: string) => ["opportunities", "detail", id] as const;

export const opportunityQueryOptions = (id: string) =>
  queryOptions({ queryKey: opportunityQueryKey(id), queryFn: () => getOpportunity(id), staleTime: 30_000 });

export function useOpportunity(id: string) {
  return useQuery(opportunityQueryOptions(id));
}
