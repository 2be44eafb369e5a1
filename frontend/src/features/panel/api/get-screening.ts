import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type ScreeningPath = paths["/api/proposals/proposals/{proposal_id}/screening"];
/** The live checklist (null for applicants) and the current decision of a proposal's screening. */
export type Screening = ScreeningPath["get"]["responses"][200]["content"]["application/json"];
export type ScreeningCheck = NonNullable<Screening["checks"]>[number];
export type ScreeningDecision = NonNullable<Screening["decision"]>;

export function getScreening(proposalId: string): Promise<Screening> {
  return unwrap(
    api.GET("/api/proposals/proposals/{proposal_id}/screening", { params: { path: { proposal_id: proposalId } } }),
  );
}

export const screeningQueryKey = (proposalId: string) => ["panel", "screening", proposalId] as const;

export const screeningQueryOptions = (proposalId: string) =>
  queryOptions({ queryKey: screeningQueryKey(proposalId), queryFn: () => getScreening(proposalId), staleTime: 15_000 });

export function useScreening(proposalId: string) {
  return useQuery(screeningQueryOptions(proposalId));
}
