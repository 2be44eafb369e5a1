import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { filtersToQuery, type MapLayer, type OpportunityFilters } from "@/features/opportunities/utils/filters";
import { api, unwrap } from "@/lib/api-client";

export type MapPointsResponse =
  paths["/api/intelligence/map/points"]["get"]["responses"][200]["content"]["application/json"];
export type MapPoint = MapPointsResponse["points"][number];

/** The points of the chosen layers that match the filters; `truncated` when the API capped the list. */
export function getMapPoints(filters: OpportunityFilters, layers: readonly MapLayer[]): Promise<MapPointsResponse> {
  return unwrap(
    api.GET("/api/intelligence/map/points", {
      params: { query: { layers: layers.join(","), ...filtersToQuery(filters) } },
    }),
  );
}

export const mapPointsQueryOptions = (filters: OpportunityFilters, layers: readonly MapLayer[]) =>
  queryOptions({
    queryKey: ["opportunities", "map-points", [...layers].sort().join(","), filtersToQuery(filters)],
    queryFn: () => getMapPoints(filters, layers),
    staleTime: 30_000,
  });

export function useMapPoints(filters: OpportunityFilters, layers: readonly MapLayer[]) {
  return useQuery({
    ...mapPointsQueryOptions(filters, layers),
    enabled: layers.length > 0,
    placeholderData: keepPreviousData,
  });
}
