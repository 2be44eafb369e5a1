import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { BoundaryFeature } from "@/features/opportunities/api/get-region-boundaries";
import type { IndicatorEntry } from "@/features/opportunities/api/get-indicators";
import { NO_VALUE_COLOUR, type ChoroplethClass } from "@/features/opportunities/utils/choropleth";
import { formatNumber } from "@/lib/intl";

type ChoroplethLegendProps = {
  indicator: IndicatorEntry | undefined;
  features: BoundaryFeature[];
  classes: ChoroplethClass[];
};

function yearsOf(features: BoundaryFeature[]): number[] {
  return [...new Set(features.map((feature) => feature.properties.year).filter((year): year is number => year != null))].sort();
}

/**
 * The colour classes of the indicator shown on the regions, with its unit and year(s), and the caveat
 * that the values may cover different scopes. The values by region are listed too (the colours alone
 * say little to a screen reader).
 */
export function ChoroplethLegend({ indicator, features, classes }: ChoroplethLegendProps) {
  const { t, i18n } = useTranslation("opportunities");
  const language = i18n.resolvedLanguage ?? "en";
  const headingId = useId();
  const withValue = features.filter((feature) => feature.properties.value != null);
  const label = withValue[0]?.properties.label ?? indicator?.label ?? indicator?.code ?? "";
  const units = [...new Set(withValue.map((feature) => feature.properties.unit).filter(Boolean))] as string[];
  const years = yearsOf(withValue);
  const number = (value: number) => formatNumber(Math.round(value * 100) / 100, language);
  const yearText =
    years.length === 0
      ? t("indicator.yearNotStated")
      : years.length === 1
        ? String(years[0])
        : `${years[0]}–${years[years.length - 1]}`;

  return (
    <section className="choropleth-legend" aria-labelledby={headingId} data-testid="choropleth-legend">
      <h3 id={headingId} className="choropleth-legend__title">
        {label}
      </h3>
      <p className="choropleth-legend__meta">
        {t("indicator.unit", { unit: units.join(", ") || "—" })} · {t("indicator.year", { year: yearText })}
      </p>
      <ul className="choropleth-legend__classes">
        {classes.map((band) => (
          <li key={`${band.from}-${band.to}`}>
            <span className="choropleth-legend__swatch" style={{ background: band.colour }} aria-hidden="true" />
            {band.from === band.to ? number(band.from) : t("indicator.range", { from: number(band.from), to: number(band.to) })}
          </li>
        ))}
        <li>
          <span className="choropleth-legend__swatch" style={{ background: NO_VALUE_COLOUR }} aria-hidden="true" />
          {t("indicator.noValue")}
        </li>
      </ul>
      <p className="choropleth-legend__caveat">{t("indicator.scopeCaveat")}</p>
      <details className="choropleth-legend__values">
        <summary>{t("indicator.values")}</summary>
        <table className="opp-table">
          <thead>
            <tr>
              <th scope="col">{t("indicator.region")}</th>
              <th scope="col">{t("indicator.value")}</th>
              <th scope="col">{t("indicator.scope")}</th>
              <th scope="col">{t("indicator.source")}</th>
            </tr>
          </thead>
          <tbody>
            {features.map((feature) => (
              <tr key={feature.properties.code}>
                <th scope="row">
                  {feature.properties.name} ({feature.properties.code})
                </th>
                <td>
                  {feature.properties.value == null
                    ? t("indicator.noValue")
                    : `${number(feature.properties.value)} ${feature.properties.unit ?? ""}`.trim()}
                  {feature.properties.value != null && feature.properties.year == null && ` (${t("indicator.yearNotStated")})`}
                  {feature.properties.year != null && ` (${feature.properties.year})`}
                </td>
                <td>{feature.properties.scope ?? "—"}</td>
                <td>{feature.properties.source ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
