import "@/features/evaluation/components/evaluation.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Loading } from "@/components/loading";
import { problemMessage, ProblemAlert } from "@/components/problem-alert";
import { useFeedback, type Feedback } from "@/features/evaluation/api/get-feedback";
import { formatDateTime, formatDecimal } from "@/lib/intl";
import { ApiProblem } from "@/lib/problem";

/**
 * /proposals/:id/feedback — what the applicants learn once the panel's decisions are released: the outcome, the
 * rank, and as far as the call's policy allows the scores against the thresholds, the comments and the summary.
 */
export function ProposalFeedback({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation("evaluation");
  const { t: tShared } = useTranslation();
  const feedback = useFeedback(proposalId);

  const back = (
    <p>
      <Link to={`/proposals/${proposalId}`}>{t("feedback.back")}</Link>
    </p>
  );

  if (feedback.isPending) return <Loading />;
  if (feedback.isError) {
    const notReleased = feedback.error instanceof ApiProblem && feedback.error.status === 409;
    return (
      <div className="page proposal-feedback">
        {back}
        <h1>{t("feedback.title")}</h1>
        {notReleased ? (
          <section className="panel panel--quiet" data-testid="feedback-not-released" aria-labelledby="not-released">
            <h2 id="not-released">{t("feedback.notReleasedTitle")}</h2>
            <p>{problemMessage(feedback.error, tShared("status.networkError"))}</p>
            <p className="muted">{t("feedback.notReleasedBody")}</p>
          </section>
        ) : (
          <ProblemAlert error={feedback.error} onRetry={() => void feedback.refetch()} />
        )}
      </div>
    );
  }

  return (
    <div className="page proposal-feedback">
      {back}
      <FeedbackView feedback={feedback.data} />
    </div>
  );
}

function FeedbackView({ feedback }: { feedback: Feedback }) {
  const { t, i18n } = useTranslation("evaluation");
  const language = i18n.resolvedLanguage ?? "en";
  const number = (value: string) => formatDecimal(value, language, 2);

  return (
    <article className="feedback" data-outcome={feedback.outcome} data-policy={feedback.policy}>
      <header className="page__header">
        <h1>{t("feedback.titleFor", { reference: feedback.reference })}</h1>
        <p className="muted">
          {t("feedback.call", { code: feedback.call.code, title: feedback.call.title })} ·{" "}
          {t("feedback.released", { date: formatDateTime(feedback.released_at, language) })}
        </p>
      </header>

      <section className="panel feedback__outcome" aria-labelledby="feedback-outcome">
        <h2 id="feedback-outcome">{t("feedback.outcomeTitle")}</h2>
        <p className="feedback__verdict">
          <span className="outcome-badge" data-outcome={feedback.outcome}>
            {t(`outcome.${feedback.outcome}`)}
          </span>
        </p>
        <p data-testid="feedback-rank">
          {feedback.rank === null
            ? t("feedback.notRanked")
            : t("feedback.rank", { rank: feedback.rank, count: feedback.fundable_count })}
        </p>
      </section>

      {feedback.policy === "none" || !feedback.scores ? (
        <p className="muted" data-testid="feedback-policy-note">
          {feedback.policy === "none" ? t("feedback.policyNone") : t("feedback.noScores")}
        </p>
      ) : (
        <section className="panel" aria-labelledby="feedback-scores">
          <h2 id="feedback-scores">{t("feedback.scoresTitle")}</h2>
          {feedback.total !== null && (
            <p data-testid="feedback-total">
              {t("feedback.total", {
                total: number(feedback.total),
                threshold: feedback.overall_threshold === null ? "–" : number(feedback.overall_threshold),
              })}{" "}
              {feedback.passed === null ? "" : feedback.passed ? t("feedback.passed") : t("feedback.notPassed")}
            </p>
          )}
          <div className="table-scroll">
            <table className="table feedback-table">
              <caption className="visually-hidden">{t("feedback.scoresCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("result.criterion")}</th>
                  <th scope="col">{t("result.score")}</th>
                  <th scope="col">{t("result.threshold")}</th>
                  <th scope="col">{t("result.outcome")}</th>
                  {feedback.policy === "scores_and_comments" && <th scope="col">{t("feedback.comment")}</th>}
                </tr>
              </thead>
              <tbody>
                {feedback.scores.map((line) => (
                  <tr key={line.criterion} data-criterion={line.criterion} data-passed={String(line.passed)}>
                    <th scope="row">{line.title}</th>
                    <td>{number(line.score)}</td>
                    <td>{number(line.threshold)}</td>
                    <td>{line.passed ? t("result.reached") : t("result.below")}</td>
                    {feedback.policy === "scores_and_comments" && (
                      <td className="feedback-table__comment">{line.comment || t("feedback.noComment")}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {feedback.policy === "scores_and_comments" && (
        <section className="panel" aria-labelledby="feedback-summary">
          <h2 id="feedback-summary">{t("feedback.summaryTitle")}</h2>
          <p className="feedback__summary">{feedback.summary || t("feedback.noSummary")}</p>
        </section>
      )}
    </article>
  );
}
