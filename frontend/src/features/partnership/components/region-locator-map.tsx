import { geoPath } from "d3-geo";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";

import { useBoundaries } from "@/features/partnership/api/get-boundaries";
import type { Region } from "@/lib/regions";
import { forD3 } from "@/features/partnership/utils/rewind";
import { isoNumeric } from "@/lib/geo/iso-numeric";
import { createMapProjection, MAP_HEIGHT, MAP_WIDTH, projectPoint } from "@/lib/geo/map-projection";
import { useCountryOutlines } from "@/lib/geo/use-country-outlines";
import { countryName } from "@/lib/intl";

type RegionLocatorMapProps = {
  region: Pick<Region, "code" | "name" | "country_code" | "label_point">;
  /** Every partner region: the map is framed on all of them, the others drawn as small dots. */
  regions: Region[];
};

/** A small map placing one region among the partner regions: its boundary when imported, else its point. */
export function RegionLocatorMap({ region, regions }: RegionLocatorMapProps) {
  const { t, i18n } = useTranslation("regions");
  const language = i18n.resolvedLanguage ?? "en";
  const titleId = useId();
  const outlines = useCountryOutlines();
  const boundaries = useBoundaries();

  const projection = useMemo(
    () => createMapProjection(regions.length ? regions.map((candidate) => candidate.label_point) : [region.label_point]),
    [regions, region.label_point],
  );
  const path = useMemo(() => geoPath(projection), [projection]);
  const countryId = isoNumeric(region.country_code);

  const countries = useMemo(
    () =>
      (outlines.data ?? [])
        .map((country) => ({
          key: String(country.id ?? country.properties.name),
          d: path(country) ?? "",
          home: countryId !== undefined && String(country.id) === countryId,
        }))
        .filter((country) => country.d !== ""),
    [outlines.data, path, countryId],
  );

  const boundary = boundaries.data?.features.find((feature) => feature.id === region.code);
  const boundaryPath = useMemo(
    () => (boundary ? (path(forD3(boundary.geometry as unknown as GeoJSON.Geometry)) ?? "") : ""),
    [boundary, path],
  );
  const point = projectPoint(projection, region.label_point);

  return (
    <figure className="locator-map">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        className="locator-map__svg"
        data-boundary={boundaryPath ? "polygon" : "point"}
      >
        <title id={titleId}>
          {t("profile.locator", { name: region.name, country: countryName(region.country_code, language) })}
        </title>
        <rect className="regions-map__sea" width={MAP_WIDTH} height={MAP_HEIGHT} />
        <g>
          {countries.map((country) => (
            <path
              key={country.key}
              d={country.d}
              className={country.home ? "regions-map__country regions-map__country--partner" : "regions-map__country"}
            />
          ))}
        </g>
        {boundaryPath && <path className="locator-map__boundary" d={boundaryPath} />}
        {regions
          .filter((other) => other.code !== region.code)
          .map((other) => {
            const at = projectPoint(projection, other.label_point);
            return at ? <circle key={other.code} className="locator-map__other" cx={at[0]} cy={at[1]} r={7} /> : null;
          })}
        {point && (
          <g transform={`translate(${point[0]} ${point[1]})`}>
            <circle className="locator-map__halo" r={22} />
            <circle className="locator-map__dot" r={11} />
            <text className="locator-map__label" x={28} y={10}>
              {region.name}
            </text>
          </g>
        )}
      </svg>
      <figcaption className="small muted">
        {boundaryPath ? t("profile.locatorBoundary") : t("profile.locatorPoint")}
      </figcaption>
    </figure>
  );
}
