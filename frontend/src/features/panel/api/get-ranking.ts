import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type RankingPath = paths["/api/proposals/calls/{call_id}/ranking"]["get"];
/** The call's ranking with its tie-breaks and the portfolio rule's outcomes, and who is not ready. */
export type Ranking = RankingPath["responses"][200]["content"]["application/json"];
export type RankingRow = Ranking["rows"][number];
export type NotReady = Ranking["not_ready"][number];
export type Outcome = RankingRow["outcome"];

export function getRanking(callId: string): Promise<Ranking> {
  return unwrap(api.GET("/api/proposals/calls/{call_id}/ranking", { params: { path: { call_id: callId } } }));
}

export const rankingQueryOptions = (callId: string) =>
  queryOptions({ queryKey: ["panel", "ranking", callId], queryFn: () => getRanking(callId), staleTime: 15_000 });

export function useRanking(callId: string) {
  return useQuery(rankingQueryOptions(callId));
}
