import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type BoundaryCollection = components["schemas"]["BoundaryCollection"];
export type BoundaryFeature = BoundaryCollection["features"][number];

/**
 * The regions' polygons (empty when no boundaries were imported), with the latest value of `indicator`
 * in each feature's properties when one is asked for.
 */
export function getRegionBoundaries(indicator: string | null): Promise<BoundaryCollection> {
  return unwrap(
    api.GET("/api/intelligence/regions/boundaries", {
      params: { query: indicator ? { indicator } : {} },
    }),
  );
}

export const regionBoundariesQueryOptions = (indicator: string | null) =>
  queryOptions({
    queryKey: ["opportunities", "boundaries", indicator ?? ""],
    queryFn: () => getRegionBoundaries(indicator),
    staleTime: 10 * 60_000,
  });

export function useRegionBoundaries(indicator: string | null, enabled = true) {
  return useQuery({ ...regionBoundariesQueryOptions(indicator), enabled });
}
