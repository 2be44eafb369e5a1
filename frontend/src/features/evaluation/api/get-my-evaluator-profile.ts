import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";
import { ApiProblem } from "@/lib/problem";

type Operation = paths["/api/proposals/evaluators/me"]["get"];
export type EvaluatorProfile = Operation["responses"][200]["content"]["application/json"];

/** The signed-in evaluator's profile and load, or null before they have registered (the API's 404). */
export async function getMyEvaluatorProfile(): Promise<EvaluatorProfile | null> {
  try {
    return await unwrap(api.GET("/api/proposals/evaluators/me"));
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

export const myEvaluatorProfileQueryKey = ["evaluation", "my-profile"] as const;

export const myEvaluatorProfileQueryOptions = () =>
  queryOptions({ queryKey: myEvaluatorProfileQueryKey, queryFn: getMyEvaluatorProfile, staleTime: 60_000 });

export function useMyEvaluatorProfile({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...myEvaluatorProfileQueryOptions(), enabled });
}
