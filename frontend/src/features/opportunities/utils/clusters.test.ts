import { describe, expect, it } from "vitest";

import {
  baseZoomOf,
  clustersAt,
  createClusterIndex,
  fanOutOverlaps,
  revealZoom,
  scaleForZoom,
  zoomForScale,
} from "@/features/opportunities/utils/clusters";
import { createMapProjection } from "@/lib/geo/map-projection";

// five points around Guimarães (a few km apart), one in Prato, one in Borås
const MINHO = [
  { id: "a", lon: -8.29, lat: 41.44 },
  { id: "b", lon: -8.3, lat: 41.46 },
  { id: "c", lon: -8.27, lat: 41.45 },
  { id: "d", lon: -8.31, lat: 41.43 },
  { id: "e", lon: -8.28, lat: 41.47 },
];
const POINTS = [...MINHO, { id: "prato", lon: 11.1, lat: 43.88 }, { id: "boras", lon: 12.94, lat: 57.72 }];

describe("clustering points for a zoom", () => {
  const index = createClusterIndex(POINTS, { maxZoom: 12, radius: 28 });

  it("gathers close points into one cluster with their count at a European zoom", () => {
    const nodes = clustersAt(index, 4);
    const clusters = nodes.filter((node) => node.type === "cluster");
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ type: "cluster", count: 5, pointIds: ["a", "b", "c", "d", "e"] });
    expect(nodes.filter((node) => node.type === "point").map((node) => node.key)).toEqual(["prato", "boras"]);
  });

  it("shows every point on its own when zoomed in far enough", () => {
    const nodes = clustersAt(index, 13);
    expect(nodes.every((node) => node.type === "point")).toBe(true);
    expect(nodes).toHaveLength(7);
  });

  it("says at which zoom a cluster splits, and the cluster's place is among its points", () => {
    const [cluster] = clustersAt(index, 4).filter((node) => node.type === "cluster");
    if (cluster?.type !== "cluster") throw new Error("no cluster");
    expect(cluster.expansionZoom).toBeGreaterThan(4);
    expect(cluster.expansionZoom).toBeLessThanOrEqual(13);
    expect(cluster.lon).toBeGreaterThan(-8.32);
    expect(cluster.lon).toBeLessThan(-8.26);
    const after = clustersAt(index, cluster.expansionZoom);
    expect(after.filter((node) => node.type === "cluster" && node.count === 5)).toHaveLength(0);
  });

  it("finds the zoom that brings a point out of its cluster", () => {
    const zoom = revealZoom(index, "a", 4);
    const hidden = clustersAt(index, zoom).some((node) => node.type === "cluster" && node.pointIds.includes("a"));
    expect(hidden).toBe(false);
    expect(clustersAt(index, zoom - 1).some((node) => node.type === "cluster" && node.pointIds.includes("a"))).toBe(true);
    expect(revealZoom(index, "prato", 4)).toBe(4);
  });

  it("keeps points at one place together until past the last clustering zoom", () => {
    const same = createClusterIndex(
      [
        { id: "x", lon: 11.131, lat: 43.479 },
        { id: "y", lon: 11.131, lat: 43.479 },
      ],
      { maxZoom: 9 },
    );
    const [cluster] = clustersAt(same, 9);
    expect(cluster).toMatchObject({ type: "cluster", count: 2, expansionZoom: 10 });
    expect(revealZoom(same, "x", 3)).toBe(10);
    expect(clustersAt(same, 10).map((node) => node.type)).toEqual(["point", "point"]);
  });

  it("counts a cluster's points by category", () => {
    const typed = createClusterIndex(
      MINHO.map((point, index) => ({ ...point, type: index < 2 ? "organisation" : "opportunity" })),
      { maxZoom: 12, categoryOf: (point) => point.type },
    );
    const [cluster] = clustersAt(typed, 4);
    expect(cluster).toMatchObject({ type: "cluster", count: 5, counts: { opportunity: 3, organisation: 2 } });
  });

  it("draws nothing for no points", () => {
    expect(clustersAt(createClusterIndex([], { maxZoom: 9 }), 5)).toEqual([]);
  });
});

describe("matching the map's scale to supercluster's zoom", () => {
  it("puts the partnership map at about Mercator zoom 4 to 5, and doubling the scale adds one", () => {
    const projection = createMapProjection([
      { lon: -7.693, lat: 41.453 },
      { lon: 26.695, lat: 47.089 },
      { lon: 12.872, lat: 58.111 },
      { lon: -0.54, lat: 39.395 },
    ]);
    const base = baseZoomOf(projection);
    expect(base).toBeGreaterThan(3.5);
    expect(base).toBeLessThan(5.5);
    expect(zoomForScale(base, 2)).toBeCloseTo(base + 1);
    expect(scaleForZoom(base, base + 3)).toBeCloseTo(8);
  });
});

describe("spreading points drawn at one spot", () => {
  it("leaves a lone point where it is and spreads the others on a circle", () => {
    const offsets = fanOutOverlaps(
      [
        { key: "alone", x: 10, y: 10 },
        { key: "p", x: 100, y: 100 },
        { key: "q", x: 100.2, y: 99.9 },
      ],
      10,
    );
    expect(offsets.get("alone")).toEqual([0, 0]);
    expect(offsets.get("p")).toEqual([0, -10]);
    expect(offsets.get("q")).toEqual([0, 10]);
  });
});
