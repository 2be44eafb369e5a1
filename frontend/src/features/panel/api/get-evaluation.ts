import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type EvaluationPath = paths["/api/proposals/proposals/{proposal_id}/evaluation"]["get"];
/** The panel's view of one proposal: reviews side by side, spread per criterion, readiness and consensus. */
export type Evaluation = EvaluationPath["responses"][200]["content"]["application/json"];
export type PanelReview = Evaluation["reviews"][number];
export type CriterionStats = Evaluation["criteria"][number];
export type ConsensusView = Evaluation["consensus"];
export type Consensus = NonNullable<ConsensusView["consensus"]>;

export function getEvaluation(proposalId: string): Promise<Evaluation> {
  return unwrap(
    api.GET("/api/proposals/proposals/{proposal_id}/evaluation", { params: { path: { proposal_id: proposalId } } }),
  );
}

export const evaluationQueryKey = (proposalId: string) => ["panel", "evaluation", proposalId] as const;

export const evaluationQueryOptions = (proposalId: string) =>
  queryOptions({ queryKey: evaluationQueryKey(proposalId), queryFn: () => getEvaluation(proposalId), staleTime: 15_000 });

export function useEvaluation(proposalId: string) {
  return useQuery(evaluationQueryOptions(proposalId));
}
