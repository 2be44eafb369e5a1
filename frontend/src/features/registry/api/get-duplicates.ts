import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type DuplicatePage = components["schemas"]["DuplicatePage"];
export type Duplicate = components["schemas"]["DuplicateOut"];
export type DuplicateSide = Duplicate["first"];

export const duplicatesQueryKey = ["registry", "duplicates", "open"] as const;

/** Open duplicate candidates the caller looks after, oldest first (the first 200). */
export function getOpenDuplicates(): Promise<DuplicatePage> {
  return unwrap(
    api.GET("/api/intelligence/organisation-duplicates", { params: { query: { status: "open", limit: 200 } } }),
  );
}

export const openDuplicatesQueryOptions = () =>
  queryOptions({ queryKey: duplicatesQueryKey, queryFn: getOpenDuplicates, staleTime: 0 });

export function useOpenDuplicates() {
  return useQuery(openDuplicatesQueryOptions());
}
