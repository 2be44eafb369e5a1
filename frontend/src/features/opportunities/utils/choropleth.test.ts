import { describe, expect, it } from "vitest";

import { choroplethClasses, colourFor, NO_VALUE_COLOUR, rewindForD3 } from "@/features/opportunities/utils/choropleth";
import { geoArea } from "d3-geo";

describe("choropleth classes", () => {
  it("splits the range into equal classes, light to dark", () => {
    const classes = choroplethClasses([0, 10, 20, 30, 40, 50]);
    expect(classes).toHaveLength(5);
    expect(classes[0]).toMatchObject({ from: 0, to: 10 });
    expect(classes[4]).toMatchObject({ from: 40, to: 50 });
    expect(colourFor(0, classes)).toBe(classes[0]?.colour);
    expect(colourFor(50, classes)).toBe(classes[4]?.colour);
    expect(colourFor(25, classes)).toBe(classes[2]?.colour);
  });

  it("has one class for one value, none for no value, and a neutral colour where a value is missing", () => {
    expect(choroplethClasses([7, 7])).toHaveLength(1);
    expect(choroplethClasses([])).toEqual([]);
    expect(colourFor(null, choroplethClasses([1, 2]))).toBe(NO_VALUE_COLOUR);
  });
});

describe("polygon winding for d3-geo", () => {
  // a square around Porto, wound counter-clockwise as RFC 7946 says
  const ccw: GeoJSON.Polygon = {
    type: "Polygon",
    coordinates: [
      [
        [-9, 41],
        [-8, 41],
        [-8, 42],
        [-9, 42],
        [-9, 41],
      ],
    ],
  };

  it("turns an RFC 7946 polygon into a small area, and leaves a d3-wound one alone", () => {
    expect(geoArea(ccw)).toBeGreaterThan(2 * Math.PI);
    const rewound = rewindForD3(ccw);
    expect(geoArea(rewound as GeoJSON.Polygon)).toBeLessThan(0.01);
    expect(rewindForD3(rewound)).toEqual(rewound);
  });
});
