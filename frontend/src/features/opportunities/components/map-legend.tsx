import { useTranslation } from "react-i18next";

import type { MapLayer } from "@/features/opportunities/utils/filters";

/** What the marks on the map mean, including why some points sit at their region's centre. */
export function MapLegend({ layers }: { layers: readonly MapLayer[] }) {
  const { t } = useTranslation("opportunities");
  return (
    <section className="map-legend" aria-label={t("legend.title")}>
      <h3 className="map-legend__title">{t("legend.title")}</h3>
      <ul className="map-legend__items">
        {layers.includes("opportunities") && (
          <li data-legend="opportunity">
            <svg className="map-legend__symbol" viewBox="-10 -10 20 20" aria-hidden="true">
              <circle className="map-point__shape map-point--opportunity-swatch" r={6} />
            </svg>
            {t("legend.opportunity")}
          </li>
        )}
        {layers.includes("organisations") && (
          <li data-legend="organisation">
            <svg className="map-legend__symbol" viewBox="-10 -10 20 20" aria-hidden="true">
              <rect className="map-point__shape map-point--organisation-swatch" x={-5.5} y={-5.5} width={11} height={11} rx={2} />
            </svg>
            {t("legend.organisation")}
          </li>
        )}
        <li data-legend="approximate">
          <svg className="map-legend__symbol" viewBox="-10 -10 20 20" aria-hidden="true">
            <circle className="map-point__shape map-point--approximate-swatch" r={6} />
          </svg>
          {t("legend.approximate")}
        </li>
        <li data-legend="cluster">
          <svg className="map-legend__symbol" viewBox="-12 -12 24 24" aria-hidden="true">
            <circle className="map-cluster__body" r={10} />
            <text className="map-cluster__count map-legend__count" y={3.5}>
              5
            </text>
          </svg>
          {t("legend.cluster")}
        </li>
        <li data-legend="region">
          <svg className="map-legend__symbol" viewBox="-10 -10 20 20" aria-hidden="true">
            <rect className="region-mark__diamond" x={-4} y={-4} width={8} height={8} transform="rotate(45)" />
          </svg>
          {t("legend.region")}
        </li>
      </ul>
    </section>
  );
}
