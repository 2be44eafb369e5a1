import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { duplicatesQueryKey } from "@/features/registry/api/get-duplicates";
import { api, unwrap } from "@/lib/api-client";

export type MergeResult = components["schemas"]["MergeOut"];
export type KeepSide = components["schemas"]["MergeRequest"]["keep"];

/** Merges the pair into the side kept: the other's contacts, clusters and opportunities move to it. */
export function mergeDuplicate({ id, keep }: { id: string; keep: KeepSide }): Promise<MergeResult> {
  return unwrap(
    api.POST("/api/intelligence/organisation-duplicates/{candidate_id}/merge", {
      params: { path: { candidate_id: id } },
      body: { keep },
    }),
  );
}

export function useMergeDuplicate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mergeDuplicate,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: duplicatesQueryKey });
      void queryClient.invalidateQueries({ queryKey: ["registry", "search"] });
      void queryClient.invalidateQueries({ queryKey: ["registry", "organisations"] });
    },
  });
}
