import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

type ClusterPath = paths["/api/intelligence/clusters/{cluster_id}"];

/** A cluster's ECCP profile, ESCP-S3 state, readiness checklist and (for the partnership) its state history. */
export type ClusterProfile = ClusterPath["get"]["responses"][200]["content"]["application/json"];
export type ReadinessCriterion = ClusterProfile["readiness"][number];
export type StateChange = NonNullable<ClusterProfile["state_history"]>[number];
export type EscpState = ClusterProfile["escp_state"];

/** The profile and the version it was read at, sent back as If-Match on a change. */
export type VersionedCluster = { cluster: ClusterProfile; etag: string };

/** The ETag the API sent, or the one it would send for this version (`"7"`). */
export function etagOf(response: Response, cluster: ClusterProfile): string {
  return response.headers.get("ETag") ?? `"${cluster.version}"`;
}

export async function getCluster(id: string): Promise<VersionedCluster> {
  const call = api.GET("/api/intelligence/clusters/{cluster_id}", { params: { path: { cluster_id: id } } });
  const cluster = await unwrap(call);
  const { response } = await call;
  return { cluster, etag: etagOf(response, cluster) };
}

export const clusterQueryKey = (id: string) => ["partnership", "clusters", id] as const;

export const clusterQueryOptions = (id: string) =>
  queryOptions({ queryKey: clusterQueryKey(id), queryFn: () => getCluster(id), staleTime: 60_000 });

export function useCluster(id: string) {
  return useQuery(clusterQueryOptions(id));
}
