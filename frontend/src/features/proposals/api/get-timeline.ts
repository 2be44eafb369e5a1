import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type TimelinePage =
  paths["/api/proposals/proposals/{proposal_id}/timeline"]["get"]["responses"][200]["content"]["application/json"];
export type TimelineEntry = TimelinePage["items"][number];

const PAGE_SIZE = 50;

/** One page of the proposal's history, oldest first. */
export function getTimeline(proposalId: string, cursor: string | null): Promise<TimelinePage> {
  return unwrap(
    api.GET("/api/proposals/proposals/{proposal_id}/timeline", {
      params: { path: { proposal_id: proposalId }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export const timelineQueryKey = (proposalId: string) => ["proposals", "timeline", proposalId] as const;

export const timelineQueryOptions = (proposalId: string) =>
  infiniteQueryOptions({
    queryKey: timelineQueryKey(proposalId),
    queryFn: ({ pageParam }) => getTimeline(proposalId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });

export function useTimeline(proposalId: string) {
  return useInfiniteQuery(timelineQueryOptions(proposalId));
}
