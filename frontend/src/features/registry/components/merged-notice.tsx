import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useOrganisation } from "@/features/registry/api/get-organisation";

/** A merged record points at the one that survived; its name once loaded, a generic label otherwise. */
export function MergedNotice({ survivorId }: { survivorId: string }) {
  const { t } = useTranslation("registry");
  const survivor = useOrganisation(survivorId);
  const name = survivor.data?.organisation.name ?? t("profile.mergedSurvivor");
  return (
    <div className="alert alert--info merged-notice" role="note">
      <p className="alert__body">
        {t("profile.mergedInto")} <Link to={`/organisations/${survivorId}`}>{name}</Link>
      </p>
      <p className="alert__body muted small">{t("profile.mergedExplanation")}</p>
    </div>
  );
}
