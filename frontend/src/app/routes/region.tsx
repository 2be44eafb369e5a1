import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { useMe } from "@/features/auth/api/get-me";
import { useRegion } from "@/features/partnership/api/get-region";
import { RegionProfile } from "@/features/partnership/components/region-profile";

/** /regions/:code — a region's profile; its managers and the admin keep its indicators and S3 priorities. */
export function RegionRoute() {
  const { t } = useTranslation("regions");
  const { t: ta } = useTranslation();
  const code = (useParams().code ?? "").toUpperCase();
  const me = useMe();
  const region = useRegion(code);
  return (
    <>
      <title>{`${region.data?.name ?? code} · ${t("profile.pageTitle")} · ${ta("app.name")}`}</title>
      <RegionProfile key={code} code={code} memberships={me.data?.memberships ?? []} />
    </>
  );
}
