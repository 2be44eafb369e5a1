import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type Region = components["schemas"]["RegionOut"];
export type Cluster = Region["clusters"][number];

const PAGE_SIZE = 200; // the API's cap; the partnership has eight regions

/**
 * All the partnership's regions with their clusters (follows `next_cursor` to the last page), shared by every
 * feature: one request and one cache entry for the whole app.
 */
export async function getRegions(): Promise<Region[]> {
  const regions: Region[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await unwrap(
      api.GET("/api/intelligence/regions", {
        params: { query: cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE } },
      }),
    );
    regions.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return regions;
}

export const regionsQueryOptions = () =>
  queryOptions({ queryKey: ["regions"], queryFn: getRegions, staleTime: 10 * 60_000 });

export function useRegions() {
  return useQuery(regionsQueryOptions());
}
