import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type EvaluatorsPath = paths["/api/proposals/evaluators"]["get"];
type EvaluatorPage = EvaluatorsPath["responses"][200]["content"]["application/json"];
export type Evaluator = EvaluatorPage["items"][number];

/** The active evaluators of the pool with their current load, by name (all pages). */
export async function getActiveEvaluators(): Promise<Evaluator[]> {
  const items: Evaluator[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await unwrap(
      api.GET("/api/proposals/evaluators", {
        params: { query: cursor ? { active: true, limit: 200, cursor } : { active: true, limit: 200 } },
      }),
    );
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

export const activeEvaluatorsQueryOptions = () =>
  queryOptions({ queryKey: ["panel", "evaluators", "active"], queryFn: getActiveEvaluators, staleTime: 30_000 });

export function useActiveEvaluators() {
  return useQuery(activeEvaluatorsQueryOptions());
}
