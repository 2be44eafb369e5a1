import { geoArea } from "d3-geo";
import type { Geometry, MultiPolygon, Polygon } from "geojson";

type Ring = Polygon["coordinates"][number];

/**
 * d3-geo reads polygons spherically: a ring wound the "wrong" way encloses the rest of the globe.
 * RFC 7946 GeoJSON (GISCO's included) winds exterior rings counter-clockwise, the opposite of what d3
 * expects, so a polygon covering more than a hemisphere is turned around before drawing.
 */
export function forD3(geometry: Geometry): Geometry {
  if (geometry.type === "Polygon") return rewindPolygon(geometry);
  if (geometry.type === "MultiPolygon") {
    const polygons = geometry.coordinates.map((rings) => rewindPolygon({ type: "Polygon", coordinates: rings }));
    return { type: "MultiPolygon", coordinates: polygons.map((polygon) => polygon.coordinates) } satisfies MultiPolygon;
  }
  return geometry;
}

function rewindPolygon(polygon: Polygon): Polygon {
  if (geoArea(polygon) <= 2 * Math.PI) return polygon;
  return { type: "Polygon", coordinates: polygon.coordinates.map((ring: Ring) => [...ring].reverse()) };
}
