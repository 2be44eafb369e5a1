import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { comparisonsKey } from "@/features/proposals/api/compare-versions";
import { etagOf, proposalQueryKey, type VersionedProposal } from "@/features/proposals/api/get-proposal";
import { proposalListsKey } from "@/features/proposals/api/get-proposals";
import { transitionsQueryKey } from "@/features/proposals/api/get-transitions";
import { api, unwrap } from "@/lib/api-client";

export type ProposalPatch = components["schemas"]["ProposalUpdate"];

type UpdateInput = { id: string; etag: string; patch: ProposalPatch };

/** Changes the fields sent if nobody changed the proposal since `etag` was read (else a 412 problem). */
export async function updateProposal({ id, etag, patch }: UpdateInput): Promise<VersionedProposal> {
  const call = api.PATCH("/api/proposals/proposals/{proposal_id}", {
    params: { path: { proposal_id: id }, header: { "If-Match": etag } },
    body: patch,
  });
  const proposal = await unwrap(call);
  const { response } = await call;
  return { proposal, etag: etagOf(response, proposal) };
}

export function useUpdateProposal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, patch }: { etag: string; patch: ProposalPatch }) => updateProposal({ id, etag, patch }),
    onSuccess: (saved) => {
      queryClient.setQueryData(proposalQueryKey(id), saved);
      // the list shows the title and priorities; the steps' guards read the fields; "current" changed
      void queryClient.invalidateQueries({ queryKey: proposalListsKey });
      void queryClient.invalidateQueries({ queryKey: transitionsQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: comparisonsKey(id) });
    },
  });
}
