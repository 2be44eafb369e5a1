import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type Operation = paths["/api/proposals/mail-log"]["get"];
export type MailLogPage = Operation["responses"][200]["content"]["application/json"];
export type MailMessage = MailLogPage["items"][number];

export const MAIL_LOG_PAGE_SIZE = 50;

/** One page of the e-mails the service sent or logged, newest first (the consortium admin). */
export function getMailLog(cursor: string | null): Promise<MailLogPage> {
  const query = { limit: MAIL_LOG_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
  return unwrap(api.GET("/api/proposals/mail-log", { params: { query } }));
}

export const mailLogQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ["notifications", "mail-log"],
    queryFn: ({ pageParam }) => getMailLog(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    staleTime: 30_000,
  });

export function useMailLog({ enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...mailLogQueryOptions(), enabled });
}
