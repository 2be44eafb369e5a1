import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type Operation = paths["/api/proposals/evaluation/proposals"]["get"];
export type EvaluationProposalPage = Operation["responses"][200]["content"]["application/json"];
export type EvaluationProposal = EvaluationProposalPage["items"][number];
export type Conflict = NonNullable<EvaluationProposal["conflicts"]>[number];
export type ConflictKind = Conflict["kind"];

export const EVALUATION_PROPOSALS_PAGE_SIZE = 20;

/** One page of the proposals in evaluation, with only what spots a conflict of interest (and the caller's). */
export function getEvaluationProposals(callId: string | null, cursor: string | null): Promise<EvaluationProposalPage> {
  const query = {
    limit: EVALUATION_PROPOSALS_PAGE_SIZE,
    ...(callId ? { call_id: callId } : {}),
    ...(cursor ? { cursor } : {}),
  };
  return unwrap(api.GET("/api/proposals/evaluation/proposals", { params: { query } }));
}

export const evaluationProposalsQueryOptions = (callId: string | null) =>
  infiniteQueryOptions({
    queryKey: ["evaluation", "proposals", callId ?? "all"],
    queryFn: ({ pageParam }) => getEvaluationProposals(callId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export function useEvaluationProposals(callId: string | null, { enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...evaluationProposalsQueryOptions(callId), enabled });
}
