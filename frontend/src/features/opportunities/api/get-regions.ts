import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type Region = components["schemas"]["RegionOut"];

const PAGE_SIZE = 200; // the API's cap; the partnership has eight regions

/** The partnership's regions (codes, names, label points), for the filters, the map and region names. */
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
  queryOptions({ queryKey: ["opportunities", "regions"], queryFn: getRegions, staleTime: 10 * 60_000 });

export function useRegions() {
  return useQuery(regionsQueryOptions());
}
