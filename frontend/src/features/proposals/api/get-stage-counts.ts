import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import type { ProposalQuery } from "@/features/proposals/utils/list-filters";
import { api, unwrap } from "@/lib/api-client";

export type StageCounts =
  paths["/api/proposals/proposals/stage-counts"]["get"]["responses"][200]["content"]["application/json"];

/** How many of the proposals the caller may see (with the list's filters) are in each stage, and the total. */
export function getStageCounts(query: ProposalQuery): Promise<StageCounts> {
  return unwrap(api.GET("/api/proposals/proposals/stage-counts", { params: { query } }));
}

/** Every count, whatever its filters: what a new proposal or a step makes stale. */
export const stageCountsKey = ["proposals", "stage-counts"] as const;

export const stageCountsQueryOptions = (query: ProposalQuery) =>
  queryOptions({
    queryKey: [...stageCountsKey, query],
    queryFn: () => getStageCounts(query),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export function useStageCounts(query: ProposalQuery) {
  return useQuery(stageCountsQueryOptions(query));
}
