import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type ProposalPath = paths["/api/proposals/proposals/{proposal_id}"];

/** One proposal with the caller's permissions on it. */
export type Proposal = ProposalPath["get"]["responses"][200]["content"]["application/json"];
export type Partner = Proposal["partners"][number];
export type PartnerStatus = Partner["status"];

/** The proposal and the version it was read at, sent back as If-Match on a change. */
export type VersionedProposal = { proposal: Proposal; etag: string };

/** The ETag the API sent, or the one it would send for this version (`"7"`). */
export function etagOf(response: Response, proposal: Proposal): string {
  return response.headers.get("ETag") ?? `"${proposal.version}"`;
}

export async function getProposal(id: string): Promise<VersionedProposal> {
  const call = api.GET("/api/proposals/proposals/{proposal_id}", { params: { path: { proposal_id: id } } });
  const proposal = await unwrap(call);
  const { response } = await call;
  return { proposal, etag: etagOf(response, proposal) };
}

export const proposalQueryKey = (id: string) => ["proposals", "detail", id] as const;

export const proposalQueryOptions = (id: string) =>
  queryOptions({ queryKey: proposalQueryKey(id), queryFn: () => getProposal(id), staleTime: 30_000 });

export function useProposal(id: string) {
  return useQuery(proposalQueryOptions(id));
}
