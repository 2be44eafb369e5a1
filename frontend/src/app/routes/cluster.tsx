import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { useMe } from "@/features/auth/api/get-me";
import { useCluster } from "@/features/partnership/api/get-cluster";
import { ClusterProfile } from "@/features/partnership/components/cluster-profile";
import { clusterLabel } from "@/features/partnership/utils/cluster-label";

/** /clusters/:id — a cluster's ECCP profile and ESCP-S3 state. */
export function ClusterRoute() {
  const { t } = useTranslation("regions");
  const { t: ta } = useTranslation();
  const id = useParams().id ?? "";
  const me = useMe();
  const cluster = useCluster(id);
  const name = cluster.data ? clusterLabel(cluster.data.cluster) : t("cluster.pageTitle");
  return (
    <>
      <title>{`${name} · ${ta("app.name")}`}</title>
      <ClusterProfile key={id} id={id} memberships={me.data?.memberships ?? []} />
    </>
  );
}
