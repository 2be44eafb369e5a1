import { useTranslation } from "react-i18next";

/** "Partnership only" on a consortium record: signed-in partnership users see it, the public does not. */
export function VisibilityBadge({ visibility }: { visibility: string }) {
  const { t } = useTranslation("registry");
  if (visibility !== "consortium") return null;
  return (
    <span className="badge badge--accent visibility-badge" title={t("visibility.consortiumHint")}>
      {t("visibility.consortium")}
    </span>
  );
}
