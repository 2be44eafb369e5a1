import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

/** How often the bell asks for the count while the page is open (it also asks when the window regains focus). */
export const UNREAD_COUNT_INTERVAL_MS = 60_000;

/** How many of the caller's notifications are unread. */
export async function getUnreadCount(): Promise<number> {
  const answer = await unwrap(api.GET("/api/proposals/me/notifications/unread-count"));
  return answer.unread;
}

export const unreadCountQueryKey = ["notifications", "unread-count"] as const;

export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: unreadCountQueryKey,
    queryFn: getUnreadCount,
    staleTime: 0,
    refetchInterval: UNREAD_COUNT_INTERVAL_MS,
    refetchOnWindowFocus: true,
  });

export function useUnreadCount() {
  return useQuery(unreadCountQueryOptions());
}
