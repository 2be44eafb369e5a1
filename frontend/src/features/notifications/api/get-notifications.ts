import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type Operation = paths["/api/proposals/me/notifications"]["get"];
export type NotificationPage = Operation["responses"][200]["content"]["application/json"];
export type Notification = NotificationPage["items"][number];

export const NOTIFICATIONS_PAGE_SIZE = 20;
/** How many the bell's popover shows. */
export const LATEST_COUNT = 5;

/** One page of the caller's notifications, newest first. */
export function getNotifications(
  { unreadOnly, limit }: { unreadOnly: boolean; limit: number },
  cursor: string | null,
): Promise<NotificationPage> {
  const query = { limit, unread_only: unreadOnly, ...(cursor ? { cursor } : {}) };
  return unwrap(api.GET("/api/proposals/me/notifications", { params: { query } }));
}

export const notificationsQueryOptions = (unreadOnly: boolean) =>
  infiniteQueryOptions({
    queryKey: ["notifications", "list", unreadOnly ? "unread" : "all"],
    queryFn: ({ pageParam }) => getNotifications({ unreadOnly, limit: NOTIFICATIONS_PAGE_SIZE }, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery(notificationsQueryOptions(unreadOnly));
}

/** The newest few, for the bell's popover (read only while it is open). */
export const latestNotificationsQueryOptions = () =>
  queryOptions({
    queryKey: ["notifications", "latest"],
    queryFn: async () => (await getNotifications({ unreadOnly: false, limit: LATEST_COUNT }, null)).items,
    staleTime: 0,
  });

export function useLatestNotifications({ enabled }: { enabled: boolean }) {
  return useQuery({ ...latestNotificationsQueryOptions(), enabled });
}
