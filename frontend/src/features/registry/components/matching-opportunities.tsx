import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { ProblemAlert } from "@/components/problem-alert";
import { useMatchingOpportunities, type Match } from "@/features/registry/api/get-matching-opportunities";
import type { Labels } from "@/features/registry/hooks/use-labels";
import { describeReason, type ReasonCode, type ReasonWords } from "@/features/registry/utils/match-reasons";
import { formatDate, formatList } from "@/lib/intl";

/** The registry's words for the matching's reason codes. */
function useReasonWords(labels: Labels): ReasonWords {
  const { t } = useTranslation("registry");
  return useMemo(
    () => ({
      message: (code: ReasonCode, values: Record<string, string | number>) =>
        t(`matching.reasons.${code}` as "matching.reasons.same_region", values),
      list: (items: string[]) => formatList(items, labels.language),
      priority: labels.priority,
      division: (code: string) => {
        const name = labels.naceName(code);
        return name ? `${code} (${name})` : code;
      },
      step: labels.step,
      region: labels.region,
      country: labels.country,
      // a place is a NUTS-2 region code or a country code
      place: (code: string) => (code.length === 2 ? labels.country(code) : labels.region(code)),
      date: (isoDate: string) => formatDate(isoDate, labels.language),
    }),
    [t, labels],
  );
}

type MatchingOpportunitiesProps = { organisationId: string; labels: Labels };

/** "Opportunities that fit": open opportunities ranked by fit, why each fits and, greyed, why not. */
export function MatchingOpportunities({ organisationId, labels }: MatchingOpportunitiesProps) {
  const { t } = useTranslation("registry");
  const headingId = useId();
  const matching = useMatchingOpportunities(organisationId);
  const words = useReasonWords(labels);

  return (
    <section className="panel profile-section matching" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("matching.heading")}</h2>
      <p className="muted small">{t("matching.intro")}</p>
      {matching.isPending && <Loading />}
      {matching.isError && <ProblemAlert error={matching.error} onRetry={() => void matching.refetch()} />}
      {matching.data && matching.data.items.length === 0 && <p className="muted">{t("matching.empty")}</p>}
      {matching.data && matching.data.items.length > 0 && (
        <ol className="match-list" aria-labelledby={headingId}>
          {matching.data.items.map((match) => (
            <MatchItem key={match.opportunity.id} match={match} labels={labels} words={words} />
          ))}
        </ol>
      )}
    </section>
  );
}

function MatchItem({ match, labels, words }: { match: Match; labels: Labels; words: ReasonWords }) {
  const { t } = useTranslation("registry");
  const { opportunity } = match;
  return (
    <li className="match" data-opportunity-id={opportunity.id} data-score={match.score}>
      <div className="match__head">
        <Link to={`/opportunities/${opportunity.id}`} className="match__title">
          {opportunity.title}
        </Link>
        <span className="match__score" aria-label={t("matching.scoreLabel", { score: match.score })}>
          <span className="match__score-bar" aria-hidden="true">
            <span style={{ width: `${match.score}%` }} />
          </span>
          {t("matching.score", { score: match.score })}
        </span>
      </div>
      <p className="match__meta muted small">
        {t(`opportunityKinds.${opportunity.kind}` as "opportunityKinds.event", { defaultValue: opportunity.kind })}
        {opportunity.deadline && (
          <>
            <span aria-hidden="true"> · </span>
            {t("matching.deadline", { date: formatDate(opportunity.deadline, labels.language) })}
          </>
        )}
      </p>
      {match.reasons.length > 0 && (
        <ul className="match__reasons" aria-label={t("matching.reasonsLabel")}>
          {match.reasons.map((reason) => (
            <li key={reason.code} className="match__reason" data-reason-code={reason.code}>
              {describeReason(reason, words)}
            </li>
          ))}
        </ul>
      )}
      {match.mismatches.length > 0 && (
        <ul className="match__mismatches" aria-label={t("matching.mismatchesLabel")}>
          {match.mismatches.map((mismatch) => (
            <li key={mismatch.code} className="match__mismatch" data-reason-code={mismatch.code}>
              {describeReason(mismatch, words)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
