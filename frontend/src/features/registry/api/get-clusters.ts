import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type ClusterSummary = components["schemas"]["ClusterSummaryOut"];

/** The clusters (partner clusters first), to name an organisation's cluster memberships. */
export async function getRegistryClusters(): Promise<ClusterSummary[]> {
  const page = await unwrap(api.GET("/api/intelligence/clusters", { params: { query: { limit: 200 } } }));
  return page.items;
}

export const registryClustersQueryOptions = () =>
  queryOptions({ queryKey: ["registry", "clusters"], queryFn: getRegistryClusters, staleTime: 10 * 60_000 });

export function useRegistryClusters({ enabled = true } = {}) {
  return useQuery({ ...registryClustersQueryOptions(), enabled });
}
