import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import type { ProposalQuery } from "@/features/proposals/utils/list-filters";
import { api, unwrap } from "@/lib/api-client";

type ListOperation = paths["/api/proposals/proposals"]["get"];
export type ProposalPage = ListOperation["responses"][200]["content"]["application/json"];
export type ProposalListItem = ProposalPage["items"][number];

export const PROPOSALS_PAGE_SIZE = 25;

/** One page of the proposals the caller may see, the most recently changed first. */
export function getProposals(query: ProposalQuery, cursor: string | null): Promise<ProposalPage> {
  return unwrap(
    api.GET("/api/proposals/proposals", {
      params: { query: { ...query, limit: PROPOSALS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

/** Every list of proposals, whatever its filters: what a change to any proposal makes stale. */
export const proposalListsKey = ["proposals", "list"] as const;

export const proposalsQueryOptions = (query: ProposalQuery) =>
  infiniteQueryOptions({
    queryKey: [...proposalListsKey, query],
    queryFn: ({ pageParam }) => getProposals(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    // the previous results stay on screen while a changed filter loads
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export function useProposals(query: ProposalQuery) {
  return useInfiniteQuery(proposalsQueryOptions(query));
}
