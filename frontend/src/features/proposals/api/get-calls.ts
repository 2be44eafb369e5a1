import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type CallsOperation = paths["/api/proposals/calls"]["get"];
export type CallSummary = CallsOperation["responses"][200]["content"]["application/json"]["items"][number];

const PAGE_SIZE = 200; // the API's cap; the partnership runs a few calls a year

/** The calls the caller may see, newest first (published and archived; drafts for the admin). */
export async function getCalls(): Promise<CallSummary[]> {
  const calls: CallSummary[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await unwrap(
      api.GET("/api/proposals/calls", { params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } }),
    );
    calls.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return calls;
}

export const callsQueryKey = ["proposals", "calls"] as const;

export const callsQueryOptions = () => queryOptions({ queryKey: callsQueryKey, queryFn: getCalls, staleTime: 60_000 });

export function useCalls() {
  return useQuery(callsQueryOptions());
}
