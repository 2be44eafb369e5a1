import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type RegistryRegion = components["schemas"]["RegionOut"];

/** The partner regions, to name region codes (the partnership has eight: one page). */
export async function getRegistryRegions(): Promise<RegistryRegion[]> {
  const page = await unwrap(api.GET("/api/intelligence/regions", { params: { query: { limit: 200 } } }));
  return page.items;
}

export const registryRegionsQueryOptions = () =>
  queryOptions({ queryKey: ["registry", "regions"], queryFn: getRegistryRegions, staleTime: 10 * 60_000 });

export function useRegistryRegions() {
  return useQuery(registryRegionsQueryOptions());
}

