import { useTranslation } from "react-i18next";

import type { Figure } from "@/features/partnership/api/get-region";

/** Published figures, each with the scope, year and source it holds for. */
export function FigureList({ figures }: { figures: Figure[] }) {
  const { t } = useTranslation();
  if (figures.length === 0) return <p className="muted">{t("partnership.detail.noFigures")}</p>;
  return (
    <ul className="figure-list">
      {figures.map((figure, index) => (
        <li key={index} className="figure-list__item">
          <p className="figure-list__statement">{figure.statement}</p>
          <dl className="figure-list__meta">
            <div>
              <dt>{t("partnership.detail.scope")}</dt>
              <dd>{figure.scope}</dd>
            </div>
            <div>
              <dt>{t("partnership.detail.year")}</dt>
              <dd>{figure.year ?? t("partnership.detail.yearNotStated")}</dd>
            </div>
            <div>
              <dt>{t("partnership.detail.source")}</dt>
              <dd>{figure.source}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
