import { useTranslation } from "react-i18next";

import type { Criterion } from "@/features/calls/api/get-call";
import { weightShares } from "@/features/calls/utils/weights";
import { formatDecimal, formatPercent } from "@/lib/intl";

/** The rubric: each criterion with its weight as a share of the total and the score it must reach. */
export function RubricTable({ criteria, overallThreshold }: { criteria: readonly Criterion[]; overallThreshold: string }) {
  const { t, i18n } = useTranslation("calls");
  const language = i18n.language;
  if (criteria.length === 0) return <p className="muted">{t("detail.noCriteria")}</p>;
  const shares = weightShares(criteria.map((criterion) => criterion.weight));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t("detail.rubricTable")}>
      <table className="data-table">
        <caption className="visually-hidden">{t("detail.rubricTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rubric.criterion")}</th>
            <th scope="col" className="numeric">
              {t("rubric.weight")}
            </th>
            <th scope="col" className="numeric">
              {t("rubric.threshold")}
            </th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((criterion, i) => {
            const share = shares[i];
            return (
              <tr key={criterion.key} data-criterion={criterion.key}>
                <th scope="row">
                  {criterion.title}
                  {criterion.description && <span className="muted small"> — {criterion.description}</span>}
                </th>
                <td className="numeric" data-share>
                  {share === null || share === undefined ? "—" : formatPercent(share, language)}
                </td>
                <td className="numeric">{t("rubric.outOfFive", { value: formatDecimal(criterion.threshold, language, 2) })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">
        {t("rubric.note", { value: formatDecimal(overallThreshold, language, 2) })}
      </p>
    </div>
  );
}
