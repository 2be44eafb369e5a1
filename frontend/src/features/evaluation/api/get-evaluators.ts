import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type Operation = paths["/api/proposals/evaluators"]["get"];
export type EvaluatorPage = Operation["responses"][200]["content"]["application/json"];
export type Evaluator = EvaluatorPage["items"][number];

/** Which part of the pool to list: everyone, or only the active or inactive evaluators. */
export type ActiveFilter = "all" | "active" | "inactive";

export const EVALUATORS_PAGE_SIZE = 50;

/** One page of the evaluator pool with each evaluator's current load, by name (the consortium admin). */
export function getEvaluators(filter: ActiveFilter, cursor: string | null): Promise<EvaluatorPage> {
  const query = {
    limit: EVALUATORS_PAGE_SIZE,
    ...(filter === "all" ? {} : { active: filter === "active" }),
    ...(cursor ? { cursor } : {}),
  };
  return unwrap(api.GET("/api/proposals/evaluators", { params: { query } }));
}

export const evaluatorsQueryOptions = (filter: ActiveFilter) =>
  infiniteQueryOptions({
    queryKey: ["evaluation", "evaluators", filter],
    queryFn: ({ pageParam }) => getEvaluators(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export function useEvaluators(filter: ActiveFilter, { enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...evaluatorsQueryOptions(filter), enabled });
}
