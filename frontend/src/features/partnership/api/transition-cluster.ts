import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { clusterQueryKey, etagOf, type VersionedCluster } from "@/features/partnership/api/get-cluster";
import { api, unwrap } from "@/lib/api-client";

export type Transition = components["schemas"]["TransitionIn"];

type TransitionCluster = { id: string; etag: string; body: Transition };

/**
 * Moves the cluster one ESCP-S3 step. A step the profile is not ready for is refused with a 409 problem whose
 * `errors` list the unmet ECCP criteria.
 */
export async function transitionCluster({ id, etag, body }: TransitionCluster): Promise<VersionedCluster> {
  const call = api.POST("/api/intelligence/clusters/{cluster_id}/escp-transitions", {
    params: { path: { cluster_id: id }, header: { "If-Match": etag } },
    body,
  });
  const cluster = await unwrap(call);
  const { response } = await call;
  return { cluster, etag: etagOf(response, cluster) };
}

export function useTransitionCluster(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: Transition }) => transitionCluster({ id, etag, body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(clusterQueryKey(id), updated);
      void queryClient.invalidateQueries({ queryKey: ["partnership", "scorecard"] });
    },
  });
}
