import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type BoundaryCollection = components["schemas"]["BoundaryCollection"];
export type BoundaryFeature = BoundaryCollection["features"][number];

/** The imported NUTS-2 boundaries (none until a manager imports them: the map then shows points only). */
export function getBoundaries(): Promise<BoundaryCollection> {
  return unwrap(api.GET("/api/intelligence/regions/boundaries"));
}

export const boundariesQueryOptions = () =>
  queryOptions({ queryKey: ["partnership", "boundaries"], queryFn: getBoundaries, staleTime: 10 * 60_000 });

export function useBoundaries() {
  return useQuery(boundariesQueryOptions());
}
