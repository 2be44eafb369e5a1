import { geoConicConformal, type GeoProjection } from "d3-geo";

/** The map's drawing box, in SVG user units (the SVG scales to its container). */
export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 680;

const MARGIN_DEGREES = 4; // show the neighbouring countries around the outermost regions
const PADDING = 12;

type LonLat = { lon: number; lat: number };

/**
 * A conformal conic projection centred on the points and fitted to them, plus a margin, within the
 * drawing box. Fitting to the points rather than to whole countries keeps overseas territories
 * (French Guiana, the Canaries) from shrinking Europe.
 */
export function createMapProjection(points: readonly LonLat[], width = MAP_WIDTH, height = MAP_HEIGHT): GeoProjection {
  const lons = points.map((point) => point.lon);
  const lats = points.map((point) => point.lat);
  const west = (lons.length ? Math.min(...lons) : -10) - MARGIN_DEGREES;
  const east = (lons.length ? Math.max(...lons) : 30) + MARGIN_DEGREES;
  const south = (lats.length ? Math.min(...lats) : 36) - MARGIN_DEGREES;
  const north = (lats.length ? Math.max(...lats) : 60) + MARGIN_DEGREES;
  const centre = (west + east) / 2;

  // corners and the middle of each parallel: a conic projection bends parallels into arcs
  const frame: GeoJSON.MultiPoint = {
    type: "MultiPoint",
    coordinates: [
      [west, south],
      [centre, south],
      [east, south],
      [west, north],
      [centre, north],
      [east, north],
    ],
  };

  return geoConicConformal()
    .rotate([-centre, 0])
    .parallels([south + (north - south) / 6, north - (north - south) / 6])
    .fitExtent(
      [
        [PADDING, PADDING],
        [width - PADDING, height - PADDING],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

/** Where a point lands on the map, rounded to a tenth of a unit. */
export function projectPoint(projection: GeoProjection, point: LonLat): [number, number] | null {
  const projected = projection([point.lon, point.lat]);
  if (!projected) return null;
  return [Math.round(projected[0] * 10) / 10, Math.round(projected[1] * 10) / 10];
}
