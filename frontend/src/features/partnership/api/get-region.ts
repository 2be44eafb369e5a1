import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type RegionDetail = components["schemas"]["RegionDetailOut"];
export type Figure = RegionDetail["figures"][number];
export type Indicator = components["schemas"]["IndicatorOut"];
export type S3Priority = components["schemas"]["S3PriorityOut"];

/** One region with its clusters, its published figures, its indicators and its S3 priorities. */
export function getRegion(code: string): Promise<RegionDetail> {
  return unwrap(api.GET("/api/intelligence/regions/{code}", { params: { path: { code } } }));
}

export const regionQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ["partnership", "regions", code],
    queryFn: () => getRegion(code),
    staleTime: 10 * 60_000,
  });

export function useRegion(code: string) {
  return useQuery(regionQueryOptions(code));
}
