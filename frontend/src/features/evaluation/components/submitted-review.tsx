import { useTranslation } from "react-i18next";

import type { Review } from "@/features/evaluation/api/get-assignment";
import { formatDateTime, formatDecimal } from "@/lib/intl";

/** A submitted review, read-only: the scores, comments, total and result as they were sent. */
export function SubmittedReview({ review }: { review: Review }) {
  const { t, i18n } = useTranslation("evaluation");
  const language = i18n.resolvedLanguage ?? "en";
  const number = (value: string) => formatDecimal(value, language, 2);

  return (
    <section className="panel submitted-review" aria-labelledby="submitted-title" data-testid="submitted-review">
      <h2 id="submitted-title">{t("submitted.title")}</h2>
      <p>
        {review.submitted_at
          ? t("submitted.when", { date: formatDateTime(review.submitted_at, language) })
          : t("submitted.whenUnknown")}
      </p>
      <p className="review-result__total" data-testid="review-total">
        <span className="review-result__number">{number(review.total)}</span>{" "}
        {t("result.outOf", { threshold: number(review.overall_threshold) })}
      </p>
      <p className="review-result__verdict" data-passed={review.passed === null ? "unknown" : String(review.passed)}>
        {review.passed === null ? t("result.incomplete", { count: review.missing.length }) : review.passed ? t("result.passes") : t("result.fails")}
      </p>
      <ul className="submitted-review__criteria">
        {review.scores.map((line) => (
          <li key={line.criterion} data-criterion={line.criterion} data-passed={String(line.passed)}>
            <p>
              <strong>{line.title}</strong>:{" "}
              {t("submitted.score", {
                score: line.value === null ? "–" : number(line.value),
                threshold: number(line.threshold),
              })}{" "}
              <span className="muted">({line.passed ? t("result.reached") : t("result.below")})</span>
            </p>
            {line.comment && <p className="submitted-review__comment">{line.comment}</p>}
          </li>
        ))}
      </ul>
      <h3>{t("review.overallComment")}</h3>
      <p className="submitted-review__comment">{review.comment || t("submitted.noComment")}</p>
    </section>
  );
}
