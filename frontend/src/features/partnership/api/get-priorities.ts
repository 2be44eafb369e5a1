import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type Priority = components["schemas"]["PriorityOut"];

/** The five thematic priorities, in the partnership's order. */
export function getPriorities(): Promise<Priority[]> {
  return unwrap(api.GET("/api/intelligence/priorities"));
}

export const prioritiesQueryOptions = () =>
  queryOptions({ queryKey: ["partnership", "priorities"], queryFn: getPriorities, staleTime: 60 * 60_000 });

export function usePriorities() {
  return useQuery(prioritiesQueryOptions());
}
