import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { clusterQueryKey, etagOf, type VersionedCluster } from "@/features/partnership/api/get-cluster";
import { api, unwrap } from "@/lib/api-client";

export type ClusterPatch = components["schemas"]["ClusterPatch"];

type UpdateCluster = { id: string; etag: string; body: ClusterPatch };

/** Changes the cluster's ECCP profile if nobody changed it since `etag` was read (else a 412 problem). */
export async function updateCluster({ id, etag, body }: UpdateCluster): Promise<VersionedCluster> {
  const call = api.PATCH("/api/intelligence/clusters/{cluster_id}", {
    params: { path: { cluster_id: id }, header: { "If-Match": etag } },
    body,
  });
  const cluster = await unwrap(call);
  const { response } = await call;
  return { cluster, etag: etagOf(response, cluster) };
}

export function useUpdateCluster(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: ClusterPatch }) => updateCluster({ id, etag, body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(clusterQueryKey(id), updated);
      // the region pages and the scorecard show the cluster's name and member count
      void queryClient.invalidateQueries({ queryKey: ["partnership", "regions"] });
      void queryClient.invalidateQueries({ queryKey: ["regions"] });
      void queryClient.invalidateQueries({ queryKey: ["partnership", "scorecard"] });
    },
  });
}
