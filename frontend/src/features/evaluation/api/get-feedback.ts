import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type Operation = paths["/api/proposals/proposals/{proposal_id}/feedback"]["get"];
export type Feedback = Operation["responses"][200]["content"]["application/json"];
export type FeedbackLine = NonNullable<Feedback["scores"]>[number];
export type Outcome = Feedback["outcome"];

/** What the applicants learn once the decisions are released: a 409 problem before that. */
export function getFeedback(proposalId: string): Promise<Feedback> {
  return unwrap(
    api.GET("/api/proposals/proposals/{proposal_id}/feedback", { params: { path: { proposal_id: proposalId } } }),
  );
}

export const feedbackQueryOptions = (proposalId: string) =>
  queryOptions({
    queryKey: ["evaluation", "feedback", proposalId],
    queryFn: () => getFeedback(proposalId),
    staleTime: 5 * 60_000,
  });

export function useFeedback(proposalId: string) {
  return useQuery(feedbackQueryOptions(proposalId));
}
