import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type Operation = paths["/api/proposals/calls"]["get"];
export type CallOption = Operation["responses"][200]["content"]["application/json"]["items"][number];

/** The calls the caller may see, newest first (the first 200: enough to filter the proposals in evaluation). */
export async function getCalls(): Promise<CallOption[]> {
  const page = await unwrap(api.GET("/api/proposals/calls", { params: { query: { limit: 200 } } }));
  return page.items;
}

export const callsQueryOptions = () =>
  queryOptions({ queryKey: ["evaluation", "calls"], queryFn: getCalls, staleTime: 5 * 60_000 });

export function useCalls({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...callsQueryOptions(), enabled });
}
