import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type PriorityOverlap = components["schemas"]["PriorityOverlapOut"];
export type OverlapPair = PriorityOverlap["pairs"][number];

/** Which thematic priorities the regions' S3 strategies share: each pair with the count and Jaccard index. */
export function getPriorityOverlap(): Promise<PriorityOverlap> {
  return unwrap(api.GET("/api/intelligence/regions/priority-overlap"));
}

export const priorityOverlapQueryOptions = () =>
  queryOptions({ queryKey: ["partnership", "priority-overlap"], queryFn: getPriorityOverlap, staleTime: 60_000 });

export function usePriorityOverlap() {
  return useQuery(priorityOverlapQueryOptions());
}
