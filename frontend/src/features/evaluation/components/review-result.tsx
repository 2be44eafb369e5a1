import { useTranslation } from "react-i18next";

import type { Review } from "@/features/evaluation/api/get-assignment";
import { formatDecimal } from "@/lib/intl";

type ReviewResultProps = {
  review: Review;
  /** The total with the changes not saved yet, when there are any (the saved one is the server's). */
  unsavedTotal: string | null;
};

/** The server's live result of the saved review: the weighted total against the call's, and each criterion's pass. */
export function ReviewResult({ review, unsavedTotal }: ReviewResultProps) {
  const { t, i18n } = useTranslation("evaluation");
  const language = i18n.resolvedLanguage ?? "en";
  const number = (value: string) => formatDecimal(value, language, 2);

  let verdict: string;
  if (review.passed === null) verdict = t("result.incomplete", { count: review.missing.length });
  else verdict = review.passed ? t("result.passes") : t("result.fails");

  return (
    <section className="panel review-result" aria-labelledby="review-result-title" data-testid="review-result">
      <h2 id="review-result-title">{t("result.title")}</h2>
      <p className="review-result__total" data-testid="review-total" aria-live="polite">
        <span className="review-result__number">{number(review.total)}</span>{" "}
        {t("result.outOf", { threshold: number(review.overall_threshold) })}
      </p>
      <p className="review-result__verdict" data-passed={review.passed === null ? "unknown" : String(review.passed)}>
        {verdict}
      </p>
      {unsavedTotal !== null && (
        <p className="review-result__unsaved small" data-testid="unsaved-total">
          {t("result.unsaved", { total: number(unsavedTotal) })}
        </p>
      )}
      <table className="table review-result__table">
        <caption className="visually-hidden">{t("result.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("result.criterion")}</th>
            <th scope="col">{t("result.score")}</th>
            <th scope="col">{t("result.threshold")}</th>
            <th scope="col">{t("result.outcome")}</th>
          </tr>
        </thead>
        <tbody>
          {review.scores.map((line) => (
            <tr
              key={line.criterion}
              data-criterion={line.criterion}
              data-passed={line.passed === null ? "unknown" : String(line.passed)}
            >
              <th scope="row">{line.title}</th>
              <td>{line.value === null ? t("review.notScored") : number(line.value)}</td>
              <td>{number(line.threshold)}</td>
              <td>
                {line.passed === null ? "–" : line.passed ? t("result.reached") : t("result.below")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
