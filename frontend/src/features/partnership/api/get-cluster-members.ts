import { queryOptions, useQuery } from "@tanstack/react-query";

import type { paths } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type ClusterMemberPage =
  paths["/api/intelligence/clusters/{cluster_id}/members"]["get"]["responses"][200]["content"]["application/json"];
export type ClusterMember = ClusterMemberPage["items"][number];

const PAGE_SIZE = 50;

/** The first page of the cluster's member organisations on the platform (what the caller may see). */
export function getClusterMembers(id: string): Promise<ClusterMemberPage> {
  return unwrap(
    api.GET("/api/intelligence/clusters/{cluster_id}/members", {
      params: { path: { cluster_id: id }, query: { limit: PAGE_SIZE } },
    }),
  );
}

export const clusterMembersQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ["partnership", "clusters", id, "members"],
    queryFn: () => getClusterMembers(id),
    staleTime: 60_000,
  });

export function useClusterMembers(id: string) {
  return useQuery(clusterMembersQueryOptions(id));
}
