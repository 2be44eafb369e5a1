import { useTranslation } from "react-i18next";

/** A cluster's ESCP-S3 state in words: draft, submitted to ECCP, validated by ECCP, linked to the partnership. */
export function EscpStateBadge({ state }: { state: string | null | undefined }) {
  const { t } = useTranslation("regions");
  if (!state) return <span className="muted">{t("common.notRecorded")}</span>;
  return (
    <span className={`badge escp-badge escp-badge--${state}`} data-escp-state={state}>
      {t(`escp.states.${state}` as "escp.states.draft", { defaultValue: state })}
    </span>
  );
}
