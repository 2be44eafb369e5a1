import { useTranslation } from "react-i18next";

import type { Evaluation } from "@/features/panel/api/get-evaluation";
import { formatDateTime, formatDecimal } from "@/lib/intl";

/** Each criterion with every submitted review's score, the mean, lowest and highest, and a divergence flag. */
export function ReviewsSideBySide({ evaluation }: { evaluation: Evaluation }) {
  const { t, i18n } = useTranslation("calls");
  const language = i18n.language;
  const submitted = evaluation.reviews.filter((review) => review.status === "submitted");
  const number = (value: string | null) => (value === null ? "—" : formatDecimal(value, language, 2));
  return (
    <div className="stack">
      <p className="muted">
        {t("evaluation.divergenceRule", { value: formatDecimal(evaluation.divergence_threshold, language, 2) })}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="scores-caption">
        <table className="data-table scores-table">
          <caption id="scores-caption" className="visually-hidden">
            {t("evaluation.scoresCaption")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("rubric.criterion")}</th>
              {submitted.map((review) => (
                <th key={review.assignment_id} scope="col" className="numeric">
                  {review.evaluator_name}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t("evaluation.mean")}
              </th>
              <th scope="col" className="numeric">
                {t("evaluation.min")}
              </th>
              <th scope="col" className="numeric">
                {t("evaluation.max")}
              </th>
              <th scope="col">{t("evaluation.spread")}</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.criteria.map((stats) => (
              <tr key={stats.criterion} data-criterion={stats.criterion} data-divergent={stats.divergent}>
                <th scope="row">
                  {stats.title}{" "}
                  <span className="muted small">{t("evaluation.threshold", { value: number(stats.threshold) })}</span>
                </th>
                {submitted.map((review) => {
                  const score = review.scores.find((item) => item.criterion === stats.criterion);
                  return (
                    <td key={review.assignment_id} className="numeric">
                      {score ? number(score.value) : "—"}
                    </td>
                  );
                })}
                <td className="numeric" data-stat="mean">
                  {number(stats.mean)}
                </td>
                <td className="numeric" data-stat="min">
                  {number(stats.min)}
                </td>
                <td className="numeric" data-stat="max">
                  {number(stats.max)}
                </td>
                <td>
                  {stats.divergent ? (
                    <span className="badge badge--divergent">{t("evaluation.divergent", { value: number(stats.spread) })}</span>
                  ) : (
                    <span className="muted small">{stats.spread === null ? "—" : number(stats.spread)}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          {submitted.length > 0 && (
            <tfoot>
              <tr>
                <th scope="row">{t("evaluation.total")}</th>
                {submitted.map((review) => (
                  <td key={review.assignment_id} className="numeric">
                    {number(review.total)}
                  </td>
                ))}
                <td colSpan={4} />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {submitted.length === 0 && <p className="muted">{t("evaluation.noReviews")}</p>}

      <h3>{t("evaluation.reviews")}</h3>
      <ul className="review-list" aria-label={t("evaluation.reviews")}>
        {evaluation.reviews.map((review) => (
          <li key={review.assignment_id} className="review" data-assignment-id={review.assignment_id} data-status={review.status}>
            <p className="review__head">
              {review.evaluator_name}{" "}
              <span className={`badge badge--${review.status}`}>{t(`assignmentStatus.${review.status}`)}</span>{" "}
              <span className="muted small">{t(`assignmentReason.${review.reason}`)}</span>
            </p>
            {review.submitted_at && (
              <p className="muted small">
                {t("evaluation.submittedOn", { when: formatDateTime(review.submitted_at, language) })}
                {review.total !== null && <> · {t("evaluation.reviewTotal", { total: number(review.total) })}</>}
              </p>
            )}
            {review.withdrawn_reason && <p className="muted small">{review.withdrawn_reason}</p>}
            {review.comment && <p>{review.comment}</p>}
            {review.scores.some((score) => score.comment) && (
              <ul className="small">
                {review.scores
                  .filter((score) => score.comment)
                  .map((score) => (
                    <li key={score.criterion}>
                      <strong>
                        {evaluation.criteria.find((stats) => stats.criterion === score.criterion)?.title ?? score.criterion}:
                      </strong>{" "}
                      {score.comment}
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {evaluation.reviews.length === 0 && <p className="muted">{t("evaluation.noAssignments")}</p>}
    </div>
  );
}
