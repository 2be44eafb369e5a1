import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type BoundaryImportReport = components["schemas"]["BoundaryImportReport"];

type ImportBoundaries = {
  /** The parsed GeoJSON FeatureCollection (e.g. GISCO NUTS 2021, level 2). */
  collection: Record<string, unknown>;
  /** Where the polygons come from, e.g. "GISCO NUTS 2021 (1:1 million)". */
  source: string;
};

/** Stores the polygons of the partnership's regions found in a FeatureCollection; reports what was used. */
export function importBoundaries({ collection, source }: ImportBoundaries): Promise<BoundaryImportReport> {
  return unwrap(
    api.PUT("/api/intelligence/regions/boundaries", {
      params: { query: { source } },
      // the API takes any FeatureCollection and reports what it could use
      body: collection as never,
    }),
  );
}

export function useImportBoundaries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importBoundaries,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["partnership", "boundaries"] }),
  });
}
