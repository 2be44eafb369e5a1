import type { Cluster } from "@/lib/regions";

/** The cluster's name, led by its acronym unless the name already contains it ("ATEVAL", "OTIR2020 – …"). */
export function clusterLabel(cluster: Pick<Cluster, "name" | "acronym">): string {
  return cluster.name.toLowerCase().includes(cluster.acronym.toLowerCase())
    ? cluster.name
    : `${cluster.acronym} – ${cluster.name}`;
}
