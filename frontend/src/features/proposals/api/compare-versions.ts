import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type Comparison =
  paths["/api/proposals/proposals/{proposal_id}/compare"]["get"]["responses"][200]["content"]["application/json"];
export type Change = Comparison["changes"][number];
export type TextSegment = NonNullable<Change["diff"]>[number];

/** A frozen version's number, or `current`: the working copy. */
export type VersionRef = number | "current";

/** What changed from one version to another (or to the working copy), field by field. */
export function compareVersions(proposalId: string, from: number, to: VersionRef): Promise<Comparison> {
  return unwrap(
    api.GET("/api/proposals/proposals/{proposal_id}/compare", {
      params: { path: { proposal_id: proposalId }, query: { from, to: String(to) } },
    }),
  );
}

/** Every comparison of one proposal: a change to the working copy makes those with `current` stale. */
export const comparisonsKey = (proposalId: string) => ["proposals", "compare", proposalId] as const;

export const comparisonQueryOptions = (proposalId: string, from: number, to: VersionRef) =>
  queryOptions({
    queryKey: [...comparisonsKey(proposalId), from, to],
    queryFn: () => compareVersions(proposalId, from, to),
    // two frozen versions never change
    staleTime: to === "current" ? 0 : Infinity,
  });

export function useComparison(proposalId: string, pair: { from: number; to: VersionRef } | null) {
  return useQuery({
    ...comparisonQueryOptions(proposalId, pair?.from ?? 0, pair?.to ?? "current"),
    enabled: pair !== null,
  });
}
