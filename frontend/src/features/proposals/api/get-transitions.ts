import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type TransitionOptions =
  paths["/api/proposals/proposals/{proposal_id}/transitions"]["get"]["responses"][200]["content"]["application/json"];
export type TransitionOption = TransitionOptions["transitions"][number];
export type Unmet = TransitionOption["unmet"][number];

/** The steps out of the proposal's stage: may the caller take each, and what its guard still lacks. */
export function getTransitions(proposalId: string): Promise<TransitionOptions> {
  return unwrap(
    api.GET("/api/proposals/proposals/{proposal_id}/transitions", { params: { path: { proposal_id: proposalId } } }),
  );
}

export const transitionsQueryKey = (proposalId: string) => ["proposals", "transitions", proposalId] as const;

export const transitionsQueryOptions = (proposalId: string) =>
  queryOptions({
    queryKey: transitionsQueryKey(proposalId),
    queryFn: () => getTransitions(proposalId),
    // the submission window opens and closes with time: read it again when coming back
    staleTime: 10_000,
  });

export function useTransitions(proposalId: string) {
  return useQuery(transitionsQueryOptions(proposalId));
}
