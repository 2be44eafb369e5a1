import { useTranslation } from "react-i18next";

import { useMe } from "@/features/auth/api/get-me";
import { ScorecardPage } from "@/features/partnership/components/scorecard-page";

/** /regions/scorecard — the eight regions compared, their S3 priority overlap, and boundary import. */
export function ScorecardRoute() {
  const { t } = useTranslation("regions");
  const { t: ta } = useTranslation();
  const me = useMe();
  return (
    <>
      <title>{`${t("scorecard.title")} · ${ta("app.name")}`}</title>
      <ScorecardPage memberships={me.data?.memberships ?? []} />
    </>
  );
}
