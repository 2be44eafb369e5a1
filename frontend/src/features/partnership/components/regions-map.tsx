import { geoGraticule10, geoPath } from "d3-geo";
import { useId, useMemo, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import type { Region } from "@/lib/regions";
import { useCountryOutlines } from "@/lib/geo/use-country-outlines";
import { isoNumeric } from "@/lib/geo/iso-numeric";
import {
  createMapProjection,
  MAP_HEIGHT,
  MAP_WIDTH,
  projectPoint,
} from "@/lib/geo/map-projection";
import { countryName, formatList } from "@/lib/intl";

type RegionsMapProps = {
  regions: Region[];
  selectedCode: string | null;
  onSelect: (code: string) => void;
};

/**
 * The partner regions on a map of Europe drawn as SVG. Two layers share one drawing box: the base
 * map is an image with a text alternative; the markers above it are buttons (an image's children
 * are presentational, so interactive markers cannot live inside it).
 */
export function RegionsMap({ regions, selectedCode, onSelect }: RegionsMapProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const titleId = useId();
  const descriptionId = useId();
  const outlines = useCountryOutlines();

  const projection = useMemo(() => createMapProjection(regions.map((region) => region.label_point)), [regions]);
  const path = useMemo(() => geoPath(projection), [projection]);

  const partnerCountries = useMemo(
    () => [...new Set(regions.map((region) => region.country_code))],
    [regions],
  );
  const partnerIds = useMemo(
    () => new Set(partnerCountries.map(isoNumeric).filter((id): id is string => Boolean(id))),
    [partnerCountries],
  );

  const countryPaths = useMemo(
    () =>
      (outlines.data ?? [])
        .map((country) => ({
          key: String(country.id ?? country.properties.name),
          d: path(country) ?? "",
          partner: country.id !== undefined && partnerIds.has(String(country.id)),
        }))
        .filter((country) => country.d !== ""),
    [outlines.data, path, partnerIds],
  );
  const graticule = useMemo(() => path(geoGraticule10()) ?? "", [path]);

  const description = t("partnership.map.description", {
    countries: formatList(
      partnerCountries.map((code) => countryName(code, language)),
      language,
    ),
    count: regions.length,
    regions: formatList(
      regions.map((region) => `${region.name} (${region.code})`),
      language,
    ),
  });

  function handleKeyDown(event: KeyboardEvent<SVGGElement>, code: string) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(code);
    }
  }

  const viewBox = `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`;
  return (
    <figure className="regions-map">
      <div className="regions-map__canvas">
        <svg
          className="regions-map__base"
          viewBox={viewBox}
          role="img"
          aria-labelledby={`${titleId} ${descriptionId}`}
          preserveAspectRatio="xMidYMid meet"
        >
          <title id={titleId}>{t("partnership.map.title")}</title>
          <desc id={descriptionId}>{description}</desc>
          <rect className="regions-map__sea" width={MAP_WIDTH} height={MAP_HEIGHT} />
          <path className="regions-map__graticule" d={graticule} />
          <g className="regions-map__countries">
            {countryPaths.map((country) => (
              <path
                key={country.key}
                d={country.d}
                className={country.partner ? "regions-map__country regions-map__country--partner" : "regions-map__country"}
              />
            ))}
          </g>
        </svg>

        <svg
          className="regions-map__markers"
          viewBox={viewBox}
          role="group"
          aria-label={t("partnership.map.markers")}
          preserveAspectRatio="xMidYMid meet"
        >
          {regions.map((region) => {
            const point = projectPoint(projection, region.label_point);
            if (!point) return null;
            const selected = region.code === selectedCode;
            return (
              <g
                key={region.code}
                className={selected ? "map-marker map-marker--selected" : "map-marker"}
                data-region-code={region.code}
                transform={`translate(${point[0]} ${point[1]})`}
                role="button"
                tabIndex={0}
                aria-pressed={selected}
                aria-label={t("partnership.map.marker", {
                  name: region.name,
                  code: region.code,
                  country: countryName(region.country_code, language),
                })}
                onClick={() => onSelect(region.code)}
                onKeyDown={(event) => handleKeyDown(event, region.code)}
              >
                <g className="map-marker__body">
                  <circle className="map-marker__target" r={16} />
                  <circle className="map-marker__halo" r={10} />
                  <circle className="map-marker__dot" r={5.5} />
                  <text className="map-marker__label" x={13} y={5} aria-hidden="true">
                    <tspan className="map-marker__code">{region.code}</tspan>
                    <tspan className="map-marker__name"> {region.name}</tspan>
                  </text>
                </g>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="regions-map__caption">
        {outlines.isPending && <span role="status">{t("partnership.map.loading")} </span>}
        {t("partnership.map.note")} {t("app.mapCredit")}
      </figcaption>
    </figure>
  );
}
