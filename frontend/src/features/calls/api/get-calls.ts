import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type CallsPath = paths["/api/proposals/calls"]["get"];
export type CallPage = CallsPath["responses"][200]["content"]["application/json"];
export type CallSummary = CallPage["items"][number];
export type CallStatus = CallSummary["status"];
export type CallKind = CallSummary["kind"];
export type Phase = CallSummary["phases"][number];
export type PhaseKind = Phase["kind"];

/** The list's filters, as in the address (`?status=published&kind=dated`). */
export type CallFilters = { status?: CallStatus | undefined; kind?: CallKind | undefined };

const PAGE_SIZE = 50;

/** One page of the calls the caller may see, newest first (drafts only for the admin). */
export function getCalls(filters: CallFilters, cursor?: string): Promise<CallPage> {
  const query: NonNullable<CallsPath["parameters"]["query"]> = { limit: PAGE_SIZE };
  if (filters.status) query.status = filters.status;
  if (filters.kind) query.kind = filters.kind;
  if (cursor) query.cursor = cursor;
  return unwrap(api.GET("/api/proposals/calls", { params: { query } }));
}

export const callsQueryOptions = (filters: CallFilters) =>
  infiniteQueryOptions({
    queryKey: ["calls", "list", filters],
    queryFn: ({ pageParam }) => getCalls(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

export function useCalls(filters: CallFilters) {
  return useInfiniteQuery(callsQueryOptions(filters));
}
