import "@/features/partnership/components/regions.css";

import { useId } from "react";
import { useTranslation } from "react-i18next";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { usePriorityOverlap } from "@/features/partnership/api/get-priority-overlap";
import { useScorecard } from "@/features/partnership/api/get-scorecard";
import { BoundaryImport } from "@/features/partnership/components/boundary-import";
import { OverlapMatrix } from "@/features/partnership/components/overlap-matrix";
import { QualityBadge } from "@/features/partnership/components/quality-badge";
import { ScorecardTable } from "@/features/partnership/components/scorecard-table";
import { isConsortiumAdmin, managesAnyRegion, type Membership } from "@/features/partnership/utils/region-access";

/** The eight regions compared: the scorecard, the S3 priority overlap and (for managers) boundary import. */
export function ScorecardPage({ memberships }: { memberships: readonly Membership[] }) {
  const { t } = useTranslation("regions");
  const scorecardHeadingId = useId();
  const overlapHeadingId = useId();
  const boundariesHeadingId = useId();
  const scorecard = useScorecard();
  const overlap = usePriorityOverlap();
  const regionNames = Object.fromEntries((scorecard.data?.regions ?? []).map((region) => [region.code, region.name]));

  return (
    <div className="page scorecard-page regions-ui">
      <div className="page__header">
        <h1>{t("scorecard.title")}</h1>
        <p className="lead">{t("scorecard.intro")}</p>
      </div>

      <section className="section" aria-labelledby={scorecardHeadingId}>
        <h2 id={scorecardHeadingId}>{t("scorecard.heading")}</h2>
        <div className="quality-legend" role="note" aria-label={t("scorecard.legendLabel")}>
          <span className="quality-legend__item">
            <span className="footnote__ref footnote__ref--official" aria-hidden="true">
              1
            </span>
            <QualityBadge quality="official" /> {t("scorecard.legendOfficial")}
          </span>
          <span className="quality-legend__item">
            <span className="footnote__ref footnote__ref--secondary" aria-hidden="true">
              1
            </span>
            <QualityBadge quality="secondary" /> {t("scorecard.legendSecondary")}
          </span>
          <span className="quality-legend__item">{t("scorecard.legendScope")}</span>
        </div>
        {scorecard.isPending && <Loading />}
        {scorecard.isError && <ProblemAlert error={scorecard.error} onRetry={() => void scorecard.refetch()} />}
        {scorecard.data && <ScorecardTable scorecard={scorecard.data} />}
      </section>

      <section className="section" aria-labelledby={overlapHeadingId}>
        <h2 id={overlapHeadingId}>{t("overlap.heading")}</h2>
        <p className="muted">{t("overlap.intro")}</p>
        {overlap.isPending && <Loading />}
        {overlap.isError && <ProblemAlert error={overlap.error} onRetry={() => void overlap.refetch()} />}
        {overlap.data && <OverlapMatrix overlap={overlap.data} />}
      </section>

      {managesAnyRegion(memberships) && (
        <section className="section" aria-labelledby={boundariesHeadingId}>
          <h2 id={boundariesHeadingId}>{t("boundaries.heading")}</h2>
          <BoundaryImport regionNames={regionNames} isAdmin={isConsortiumAdmin(memberships)} />
        </section>
      )}
    </div>
  );
}
