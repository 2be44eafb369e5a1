import { geoArea } from "d3-geo";
import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";

import { forD3 } from "@/features/partnership/utils/rewind";

// a 1° square near Prato, wound counter-clockwise as RFC 7946 writes exterior rings
const counterClockwise: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [11, 43],
      [12, 43],
      [12, 44],
      [11, 44],
      [11, 43],
    ],
  ],
};

describe("forD3", () => {
  it("turns an RFC 7946 polygon so d3 encloses the square, not the rest of the globe", () => {
    expect(geoArea(counterClockwise)).toBeGreaterThan(2 * Math.PI);
    const turned = forD3(counterClockwise) as Polygon;
    expect(geoArea(turned)).toBeLessThan(0.001);
    expect(turned.coordinates[0]?.[1]).toEqual([11, 44]);
  });

  it("leaves a polygon d3 already reads as small alone, and handles multipolygons", () => {
    const clockwise = forD3(counterClockwise) as Polygon;
    expect(forD3(clockwise)).toBe(clockwise);
    const multi: MultiPolygon = { type: "MultiPolygon", coordinates: [counterClockwise.coordinates] };
    expect(geoArea(forD3(multi))).toBeLessThan(0.001);
  });
});
