import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type TransitionsPath = paths["/api/proposals/proposals/{proposal_id}/transitions"]["get"];
/** The steps out of the proposal's stage: may the caller take each, and what its guard still lacks. */
export type TransitionOptions = TransitionsPath["responses"][200]["content"]["application/json"];
export type TransitionOption = TransitionOptions["transitions"][number];

export function getTransitions(proposalId: string): Promise<TransitionOptions> {
  return unwrap(
    api.GET("/api/proposals/proposals/{proposal_id}/transitions", { params: { path: { proposal_id: proposalId } } }),
  );
}

export const transitionsQueryOptions = (proposalId: string) =>
  queryOptions({
    queryKey: ["panel", "transitions", proposalId],
    queryFn: () => getTransitions(proposalId),
    staleTime: 15_000,
  });

export function useTransitions(proposalId: string) {
  return useQuery(transitionsQueryOptions(proposalId));
}
