import { useTranslation } from "react-i18next";

import type { PlatformFigures as Figures } from "@/features/partnership/api/get-scorecard";
import { EscpStateBadge } from "@/features/partnership/components/escp-state-badge";
import { formatNumber } from "@/lib/intl";

/** The platform's live counts for one region (what the viewer may see). */
export function PlatformFigures({ figures }: { figures: Figures }) {
  const { t, i18n } = useTranslation("regions");
  const language = i18n.resolvedLanguage ?? "en";
  const counts = [
    ["organisations", figures.organisations],
    ["opportunities_open", figures.opportunities_open],
    ["interests", figures.interests],
    ["cluster_members", figures.cluster_members],
  ] as const;
  return (
    <dl className="stat-grid">
      {counts.map(([key, value]) => (
        <div key={key} className="stat" data-figure={key}>
          <dt>{t(`platform.${key}`)}</dt>
          <dd className="stat__value">{formatNumber(value, language)}</dd>
        </div>
      ))}
      <div className="stat" data-figure="escp_state">
        <dt>{t("platform.escp_state")}</dt>
        <dd className="stat__value">
          <EscpStateBadge state={figures.escp_state} />
        </dd>
      </div>
    </dl>
  );
}
