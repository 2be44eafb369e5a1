import { geoGraticule10, geoPath } from "d3-geo";
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from "react";
import { useTranslation } from "react-i18next";

import type { BoundaryFeature } from "@/features/opportunities/api/get-region-boundaries";
import type { MapPoint } from "@/features/opportunities/api/get-map-points";
import type { Region } from "@/lib/regions";
import { colourFor, rewindForD3, type ChoroplethClass } from "@/features/opportunities/utils/choropleth";
import {
  baseZoomOf,
  clustersAt,
  createClusterIndex,
  fanOutOverlaps,
  revealZoom,
  scaleForZoom,
  zoomForScale,
  type MapNode,
} from "@/features/opportunities/utils/clusters";
import {
  centreOn,
  INITIAL_VIEW,
  isInView,
  MAX_SCALE,
  MIN_SCALE,
  panBy,
  toView,
  zoomAround,
  type MapView,
} from "@/features/opportunities/utils/map-view";
import { isoNumeric } from "@/lib/geo/iso-numeric";
import { createMapProjection, MAP_HEIGHT, MAP_WIDTH, projectPoint } from "@/lib/geo/map-projection";
import { useCountryOutlines } from "@/lib/geo/use-country-outlines";
import { formatList } from "@/lib/intl";

type PointType = "opportunity" | "organisation";
type Located = MapPoint & { id: string; lon: number; lat: number };

type OpportunityMapProps = {
  regions: Region[];
  points: MapPoint[];
  /** Region polygons (empty when none were imported); coloured when `classes` is given. */
  boundaries: BoundaryFeature[];
  classes: ChoroplethClass[] | null;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
};

const WHEEL_STEP = 1.0015; // per pixel of wheel delta
const BUTTON_STEP = 2;
const MARKER_MARGIN = 24;

function pointType(point: MapPoint): PointType {
  return point.type === "organisation" ? "organisation" : "opportunity";
}

/** A pie slice from 12 o'clock, clockwise, for a share between 0 and 1 (exclusive). */
function pieSlice(radius: number, share: number): string {
  const angle = 2 * Math.PI * share;
  const x = Math.round(radius * Math.sin(angle) * 100) / 100;
  const y = Math.round(-radius * Math.cos(angle) * 100) / 100;
  return `M0 0 L0 ${-radius} A${radius} ${radius} 0 ${share > 0.5 ? 1 : 0} 1 ${x} ${y} Z`;
}

/**
 * The opportunity map: country outlines, the partner regions (polygons when boundaries were imported,
 * a marker at each label point otherwise), and the points of the chosen layers, clustered where dense.
 * Like the partnership map, the drawing is an image and the markers are buttons in a second SVG above it.
 */
export function OpportunityMap({ regions, points, boundaries, classes, selectedId, onSelect }: OpportunityMapProps) {
  const { t, i18n } = useTranslation("opportunities");
  const language = i18n.resolvedLanguage ?? "en";
  const titleId = useId();
  const descriptionId = useId();
  const outlines = useCountryOutlines();
  const canvasRef = useRef<HTMLDivElement>(null);
  const markersRef = useRef<SVGSVGElement>(null);
  const [view, setView] = useState<MapView>(INITIAL_VIEW);

  const projection = useMemo(() => createMapProjection(regions.map((region) => region.label_point)), [regions]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const baseZoom = useMemo(() => baseZoomOf(projection), [projection]);
  const maxZoom = Math.floor(zoomForScale(baseZoom, MAX_SCALE)) - 1;
  const zoom = zoomForScale(baseZoom, view.k);

  const located = useMemo(
    () =>
      points.filter(
        (point): point is Located => typeof point.lon === "number" && typeof point.lat === "number",
      ),
    [points],
  );
  // one index for both layers: points of the two layers at one place gather in one bubble
  const index = useMemo(() => createClusterIndex(located, { maxZoom, categoryOf: pointType }), [located, maxZoom]);

  // -- the drawing ----------------------------------------------------------------------------------------
  const partnerIds = useMemo(
    () => new Set(regions.map((region) => isoNumeric(region.country_code)).filter(Boolean)),
    [regions],
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
  const regionPaths = useMemo(
    () =>
      boundaries.map((feature) => ({
        code: feature.properties.code,
        d: path(rewindForD3(feature.geometry as unknown as GeoJSON.Geometry)) ?? "",
        value: feature.properties.value ?? null,
      })),
    [boundaries, path],
  );
  const graticule = useMemo(() => path(geoGraticule10()) ?? "", [path]);

  // -- what is drawn at this zoom -------------------------------------------------------------------------
  const nodes = useMemo(() => {
    const placed = clustersAt(index, zoom).flatMap((node) => {
      const projected = projectPoint(projection, node);
      if (!projected) return [];
      const at = toView(view, projected);
      return isInView(at, MARKER_MARGIN) ? [{ node, at }] : [];
    });
    const offsets = fanOutOverlaps(
      placed.filter((item) => item.node.type === "point").map((item) => ({ key: item.node.key, x: item.at[0], y: item.at[1] })),
    );
    return placed.map((item) => {
      const [dx, dy] = offsets.get(item.node.key) ?? [0, 0];
      return { ...item, at: [item.at[0] + dx, item.at[1] + dy] as [number, number] };
    });
  }, [index, zoom, projection, view]);

  const selectedPoint = useMemo(() => located.find((point) => point.id === selectedId), [located, selectedId]);
  // once per selection (adjusting state while rendering, not in an effect): new points for other filters
  // must not pull the view back to it
  const [revealedId, setRevealedId] = useState<string | null>(null);
  if (selectedPoint && revealedId !== selectedPoint.id) {
    setRevealedId(selectedPoint.id);
    const projected = projectPoint(projection, selectedPoint);
    if (projected) {
      const needed = revealZoom(index, selectedPoint.id, zoom);
      const visible = isInView(toView(view, projected), -MARKER_MARGIN);
      if (needed > zoom || !visible) {
        setView(centreOn(projected[0], projected[1], Math.max(view.k, scaleForZoom(baseZoom, needed + 1e-6))));
      }
    }
  } else if (!selectedId && revealedId !== null) {
    setRevealedId(null);
  }

  // -- zoom and pan ---------------------------------------------------------------------------------------
  const toMapUnits = useCallback((clientX: number, clientY: number): [number, number] => {
    const rect = canvasRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return [MAP_WIDTH / 2, MAP_HEIGHT / 2];
    const scale = Math.max(MAP_WIDTH / rect.width, MAP_HEIGHT / rect.height);
    const offsetX = (rect.width * scale - MAP_WIDTH) / 2;
    const offsetY = (rect.height * scale - MAP_HEIGHT) / 2;
    return [(clientX - rect.left) * scale - offsetX, (clientY - rect.top) * scale - offsetY];
  }, []);

  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // a native listener: React's wheel listener is passive, and the page must not scroll while zooming
    function onWheel(event: WheelEvent) {
      const delta = event.deltaMode === 1 ? event.deltaY * 40 : event.deltaY;
      if (delta > 0 && viewRef.current.k <= MIN_SCALE) return; // fully zoomed out: let the page scroll
      event.preventDefault();
      const [fx, fy] = toMapUnits(event.clientX, event.clientY);
      setView((current) => zoomAround(current, WHEEL_STEP ** -delta, fx, fy));
    }
    canvas.addEventListener("wheel", onWheel, { passive: false });
    return () => canvas.removeEventListener("wheel", onWheel);
  }, [toMapUnits]);

  const drag = useRef<{ pointerId: number; x: number; y: number } | null>(null);
  function onPointerDown(event: PointerEvent<SVGSVGElement>) {
    if (event.button !== 0 || (event.target as Element).closest("[data-marker]")) return;
    drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  }
  function onPointerMove(event: PointerEvent<SVGSVGElement>) {
    const start = drag.current;
    if (!start || start.pointerId !== event.pointerId) return;
    const [x0, y0] = toMapUnits(start.x, start.y);
    const [x1, y1] = toMapUnits(event.clientX, event.clientY);
    drag.current = { ...start, x: event.clientX, y: event.clientY };
    setView((current) => panBy(current, x1 - x0, y1 - y0));
  }
  function onPointerUp(event: PointerEvent<SVGSVGElement>) {
    if (drag.current?.pointerId === event.pointerId) drag.current = null;
  }

  function zoomInto(node: Extract<MapNode<Located>, { type: "cluster" }>) {
    const projected = projectPoint(projection, node);
    if (!projected) return;
    setView((current) =>
      centreOn(projected[0], projected[1], Math.max(current.k * 1.5, scaleForZoom(baseZoom, node.expansionZoom + 1e-6))),
    );
    markersRef.current?.focus(); // the cluster is gone: keep the keyboard on the map
  }

  function activate(event: KeyboardEvent<SVGGElement>, action: () => void) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      action();
    }
  }

  // -- words ----------------------------------------------------------------------------------------------
  const description = t("map.description", {
    regions: formatList(
      regions.map((region) => `${region.name} (${region.code})`),
      language,
    ),
    points: located.length,
  });
  const regionName = (code: string | null | undefined) =>
    regions.find((region) => region.code === code)?.name ?? code ?? "";

  function pointLabel(point: Located): string {
    const type = t(`map.type.${pointType(point)}`);
    return point.approximate
      ? t("map.pointApproximate", { label: point.label, type, region: regionName(point.region) })
      : t("map.point", { label: point.label, type });
  }

  const regionMarks = regions.flatMap((region) => {
    const projected = projectPoint(projection, region.label_point);
    if (!projected) return [];
    const [x, y] = toView(view, projected);
    return [{ code: region.code, x, y }];
  });

  function clusterLabel(opportunities: number, organisations: number): string {
    if (!organisations) return t("map.cluster.opportunity", { size: opportunities });
    if (!opportunities) return t("map.cluster.organisation", { size: organisations });
    return t("map.cluster.mixed", { opportunities, organisations });
  }

  const viewBox = `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`;
  const transform = `translate(${view.tx} ${view.ty}) scale(${view.k})`;
  const selectedInCluster = (node: MapNode<Located>) =>
    node.type === "cluster" && selectedId !== null && node.pointIds.includes(selectedId);

  return (
    <figure className="opportunity-map">
      <div className="opportunity-map__canvas" ref={canvasRef}>
        <svg
          className="opportunity-map__base"
          viewBox={viewBox}
          role="img"
          aria-labelledby={`${titleId} ${descriptionId}`}
          preserveAspectRatio="xMidYMid meet"
        >
          <title id={titleId}>{t("map.image")}</title>
          <desc id={descriptionId}>{description}</desc>
          <rect className="opportunity-map__sea" width={MAP_WIDTH} height={MAP_HEIGHT} />
          <g transform={transform}>
            <path className="opportunity-map__graticule" d={graticule} />
            <g className="opportunity-map__countries">
              {countryPaths.map((country) => (
                <path
                  key={country.key}
                  d={country.d}
                  className={
                    country.partner
                      ? "opportunity-map__country opportunity-map__country--partner"
                      : "opportunity-map__country"
                  }
                />
              ))}
            </g>
            {regionPaths.length > 0 && (
              <g className="opportunity-map__regions" data-choropleth={classes ? "on" : "off"}>
                {regionPaths.map((region) => (
                  <path
                    key={region.code}
                    d={region.d}
                    data-boundary-code={region.code}
                    className="opportunity-map__region"
                    style={classes ? { fill: colourFor(region.value, classes) } : undefined}
                  />
                ))}
              </g>
            )}
          </g>
          {regionPaths.length === 0 && (
            <g className="opportunity-map__region-marks">
              {regionMarks.map((mark) => (
                <rect
                  key={mark.code}
                  className="region-mark__diamond"
                  x={-4}
                  y={-4}
                  width={8}
                  height={8}
                  transform={`translate(${mark.x} ${mark.y}) rotate(45)`}
                />
              ))}
            </g>
          )}
        </svg>

        <svg
          ref={markersRef}
          className="opportunity-map__markers"
          viewBox={viewBox}
          role="group"
          aria-label={t("map.markers")}
          tabIndex={-1}
          preserveAspectRatio="xMidYMid meet"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <rect className="opportunity-map__drag" width={MAP_WIDTH} height={MAP_HEIGHT} />
          {nodes.map(({ node, at }) => {
            if (node.type === "cluster") {
              const radius = Math.min(26, 11 + Math.log2(node.count) * 3.5);
              const opportunities = node.counts.opportunity ?? 0;
              const organisations = node.counts.organisation ?? 0;
              const share = opportunities / node.count;
              return (
                <g
                  key={node.key}
                  data-marker=""
                  data-cluster-size={node.count}
                  className={`map-cluster${selectedInCluster(node) ? " map-cluster--selected" : ""}`}
                  transform={`translate(${at[0]} ${at[1]})`}
                  role="button"
                  tabIndex={0}
                  aria-label={clusterLabel(opportunities, organisations)}
                  onClick={() => zoomInto(node)}
                  onKeyDown={(event) => activate(event, () => zoomInto(node))}
                >
                  <circle className="map-cluster__halo" r={radius + 5} />
                  {/* a pie: the opportunities' share in red, the organisations' in blue */}
                  <circle className="map-cluster__body map-cluster__body--organisation" r={radius} />
                  {share >= 1 ? (
                    <circle className="map-cluster__body" r={radius} />
                  ) : (
                    share > 0 && <path className="map-cluster__body" d={pieSlice(radius, share)} />
                  )}
                  <text className="map-cluster__count" y={4.5} aria-hidden="true">
                    {node.count}
                  </text>
                </g>
              );
            }
            const type = pointType(node.point);
            const point = node.point;
            const selected = point.id === selectedId;
            const pointClasses = [
              "map-point",
              `map-point--${type}`,
              point.approximate ? "map-point--approximate" : "",
              selected ? "map-point--selected" : "",
            ].filter(Boolean);
            return (
              <g
                key={node.key}
                data-marker=""
                data-point-id={point.id}
                data-point-type={type}
                data-approximate={point.approximate ? "true" : "false"}
                className={pointClasses.join(" ")}
                transform={`translate(${at[0]} ${at[1]})`}
                role="button"
                tabIndex={0}
                aria-pressed={selected}
                aria-label={pointLabel(point)}
                onClick={() => onSelect(selected ? null : point.id)}
                onKeyDown={(event) => activate(event, () => onSelect(selected ? null : point.id))}
              >
                <circle className="map-point__target" r={13} />
                {type === "organisation" ? (
                  <rect className="map-point__shape" x={-6} y={-6} width={12} height={12} rx={2} />
                ) : (
                  <circle className="map-point__shape" r={7} />
                )}
                {selected && (
                  <text className="map-point__label" x={12} y={4} aria-hidden="true">
                    {point.label}
                  </text>
                )}
              </g>
            );
          })}
          {/* region codes above the bubbles, so a cluster does not hide which region it is in */}
          <g className="opportunity-map__region-labels" aria-hidden="true">
            {regionMarks.map((mark) => (
              <text
                key={mark.code}
                className="region-mark__label"
                data-region-code={mark.code}
                x={mark.x - 9}
                y={mark.y - 9}
                textAnchor="end"
              >
                {mark.code}
              </text>
            ))}
          </g>
        </svg>
      </div>

      <div className="opportunity-map__controls" role="group" aria-label={t("map.controls")}>
        <button
          type="button"
          className="button button--secondary map-control"
          aria-label={t("map.zoomIn")}
          title={t("map.zoomIn")}
          disabled={view.k >= MAX_SCALE}
          onClick={() => setView((current) => zoomAround(current, BUTTON_STEP))}
        >
          <span aria-hidden="true">+</span>
        </button>
        <button
          type="button"
          className="button button--secondary map-control"
          aria-label={t("map.zoomOut")}
          title={t("map.zoomOut")}
          disabled={view.k <= MIN_SCALE}
          onClick={() => setView((current) => zoomAround(current, 1 / BUTTON_STEP))}
        >
          <span aria-hidden="true">−</span>
        </button>
        <button
          type="button"
          className="button button--secondary map-control map-control--wide"
          disabled={view.k === INITIAL_VIEW.k && view.tx === INITIAL_VIEW.tx && view.ty === INITIAL_VIEW.ty}
          onClick={() => setView(INITIAL_VIEW)}
        >
          {t("map.reset")}
        </button>
      </div>

      <figcaption className="opportunity-map__caption">
        {outlines.isPending && <span role="status">{t("map.loading")} </span>}
        {t("map.hint")} {t("map.credit")}
      </figcaption>
    </figure>
  );
}
