import { geoArea } from "d3-geo";
import { schemeBlues } from "d3-scale-chromatic";

/** Equal-interval classes over the values present, each with its colour (light = low, dark = high). */
export type ChoroplethClass = { from: number; to: number; colour: string };

export const NO_VALUE_COLOUR = "#e9ecef";
const MAX_CLASSES = 5;

export function choroplethClasses(values: readonly number[], classes = MAX_CLASSES): ChoroplethClass[] {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const distinct = new Set(finite).size;
  const count = Math.max(1, Math.min(classes, distinct));
  const palette = schemeBlues[Math.max(3, count)] ?? schemeBlues[5] ?? [];
  // one distinct value: one class in the middle of the palette; otherwise the palette's darkest `count`
  const colours = count === 1 ? [palette[Math.floor(palette.length / 2)] ?? "#6baed6"] : palette.slice(-count);
  const step = (max - min) / count;
  return Array.from({ length: count }, (_, index) => ({
    from: min + step * index,
    to: index === count - 1 ? max : min + step * (index + 1),
    colour: colours[index] ?? "#6baed6",
  }));
}

export function colourFor(value: number | null | undefined, classes: readonly ChoroplethClass[]): string {
  if (value === null || value === undefined || !Number.isFinite(value) || classes.length === 0) return NO_VALUE_COLOUR;
  const found = classes.find((band, index) => value <= band.to || index === classes.length - 1);
  return found?.colour ?? NO_VALUE_COLOUR;
}

type Ring = GeoJSON.Position[];

function rewindPolygon(rings: Ring[]): Ring[] {
  // d3-geo draws a polygon whose outer ring winds clockwise; GeoJSON (RFC 7946) winds it the other way,
  // which d3 reads as "the whole globe but this region". A region is always smaller than a hemisphere.
  const area = geoArea({ type: "Polygon", coordinates: rings });
  return area > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
}

/** The geometry wound the way d3-geo expects, whichever way it was imported. */
export function rewindForD3(geometry: GeoJSON.Geometry): GeoJSON.Geometry {
  if (geometry.type === "Polygon") return { ...geometry, coordinates: rewindPolygon(geometry.coordinates) };
  if (geometry.type === "MultiPolygon") {
    return { ...geometry, coordinates: geometry.coordinates.map((polygon) => rewindPolygon(polygon)) };
  }
  return geometry;
}
