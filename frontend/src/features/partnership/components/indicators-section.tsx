import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "@/components/problem-alert";
import { useDeleteIndicator } from "@/features/partnership/api/delete-indicator";
import type { Indicator } from "@/features/partnership/api/get-region";
import { ConfirmDelete } from "@/features/partnership/components/confirm-delete";
import { IndicatorForm } from "@/features/partnership/components/indicator-form";
import { QualityBadge } from "@/features/partnership/components/quality-badge";
import { formatDecimal } from "@/lib/intl";

type IndicatorsSectionProps = {
  regionCode: string;
  indicators: Indicator[];
  canManage: boolean;
};

type Editing = { mode: "add" } | { mode: "edit"; indicator: Indicator } | null;

/** The region's indicators: each value next to its scope, year, quality and source; managers keep them. */
export function IndicatorsSection({ regionCode, indicators, canManage }: IndicatorsSectionProps) {
  const { t, i18n } = useTranslation("regions");
  const language = i18n.resolvedLanguage ?? "en";
  const headingId = useId();
  const [editing, setEditing] = useState<Editing>(null);
  const remove = useDeleteIndicator(regionCode);

  return (
    <section className="section profile-section" aria-labelledby={headingId}>
      <div className="profile-section__header">
        <h2 id={headingId}>{t("indicators.heading")}</h2>
        {canManage && editing === null && (
          <button type="button" className="button button--secondary" onClick={() => setEditing({ mode: "add" })}>
            {t("indicators.add")}
          </button>
        )}
      </div>
      <p className="muted">{t("indicators.note")}</p>

      {remove.error && <ProblemAlert error={remove.error} title={t("indicators.deleteFailed")} />}
      {indicators.length === 0 ? (
        <p className="panel panel--quiet">{canManage ? t("indicators.emptyManager") : t("indicators.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table indicators-table">
            <caption className="visually-hidden">{t("indicators.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("indicators.columns.indicator")}</th>
                <th scope="col">{t("indicators.columns.value")}</th>
                <th scope="col">{t("indicators.columns.scope")}</th>
                <th scope="col">{t("indicators.columns.year")}</th>
                <th scope="col">{t("indicators.columns.quality")}</th>
                <th scope="col">{t("indicators.columns.source")}</th>
                {canManage && (
                  <th scope="col">
                    <span className="visually-hidden">{t("indicators.columns.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {indicators.map((indicator) => (
                <tr key={indicator.id} data-indicator-code={indicator.code}>
                  <th scope="row" className="indicators-table__label">
                    {indicator.label}
                  </th>
                  <td className="indicators-table__value">
                    {formatDecimal(indicator.value, language)} {indicator.unit}
                  </td>
                  <td className="indicators-table__scope">{indicator.scope}</td>
                  <td className="indicators-table__year">{indicator.year ?? t("common.yearNotStated")}</td>
                  <td>
                    <QualityBadge quality={indicator.quality} />
                  </td>
                  <td className="indicators-table__source">
                    {indicator.source_url ? (
                      <a href={indicator.source_url} rel="noreferrer" target="_blank">
                        {indicator.source}
                      </a>
                    ) : (
                      indicator.source
                    )}
                  </td>
                  {canManage && (
                    <td className="data-table__actions">
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        aria-label={t("form.editName", { name: indicator.label })}
                        onClick={() => setEditing({ mode: "edit", indicator })}
                      >
                        {t("form.edit")}
                      </button>
                      <ConfirmDelete
                        name={indicator.label}
                        pending={remove.isPending && remove.variables === indicator.id}
                        onConfirm={() => remove.mutate(indicator.id)}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canManage && editing && (
        <IndicatorForm
          key={editing.mode === "edit" ? editing.indicator.id : "new"}
          regionCode={regionCode}
          indicator={editing.mode === "edit" ? editing.indicator : undefined}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}
