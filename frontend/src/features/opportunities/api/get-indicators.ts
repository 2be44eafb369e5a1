import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type IndicatorCatalogue =
  paths["/api/intelligence/indicators"]["get"]["responses"][200]["content"]["application/json"];
export type IndicatorEntry = IndicatorCatalogue[number];

/** The indicators recorded for the regions: code, label, units, regions and years present. */
export function getIndicators(): Promise<IndicatorCatalogue> {
  return unwrap(api.GET("/api/intelligence/indicators"));
}

export const indicatorsQueryOptions = () =>
  queryOptions({ queryKey: ["opportunities", "indicators"], queryFn: getIndicators, staleTime: 10 * 60_000 });

export function useIndicators(enabled = true) {
  return useQuery({ ...indicatorsQueryOptions(), enabled });
}
