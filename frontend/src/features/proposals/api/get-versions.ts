import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type VersionsOperation = paths["/api/proposals/proposals/{proposal_id}/versions"]["get"];
export type VersionSummary = VersionsOperation["responses"][200]["content"]["application/json"]["items"][number];

const PAGE_SIZE = 200; // the API's cap; a proposal is submitted a handful of times

/** Every frozen version of the proposal, oldest first (follows `next_cursor` to the end). */
export async function getVersions(proposalId: string): Promise<VersionSummary[]> {
  const versions: VersionSummary[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await unwrap(
      api.GET("/api/proposals/proposals/{proposal_id}/versions", {
        params: { path: { proposal_id: proposalId }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      }),
    );
    versions.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return versions;
}

export const versionsQueryKey = (proposalId: string) => ["proposals", "versions", proposalId] as const;

export const versionsQueryOptions = (proposalId: string) =>
  queryOptions({ queryKey: versionsQueryKey(proposalId), queryFn: () => getVersions(proposalId) });

export function useVersions(proposalId: string) {
  return useQuery(versionsQueryOptions(proposalId));
}
