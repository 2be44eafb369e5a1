import type { GeoProjection } from "d3-geo";
import Supercluster from "supercluster";

import { MAP_HEIGHT, MAP_WIDTH } from "@/lib/geo/map-projection";

/**
 * Point clustering for the SVG map, with supercluster. Supercluster thinks in Web Mercator tile zooms;
 * the map is a conic projection scaled by a factor `k` (1 = the whole partnership in view). `baseZoom`
 * is the Mercator zoom whose scale matches the map at k = 1, so a cluster radius in supercluster pixels
 * is a radius in map units, and zoom = baseZoom + log2(k).
 */

export type ClusterablePoint = { id: string; lon: number; lat: number };

/** How many points of each category (e.g. opportunity, organisation) a cluster holds. */
export type CategoryCounts = Record<string, number>;
type ClusterProps = { counts: CategoryCounts };

export type ClusterIndex<P extends ClusterablePoint> = {
  supercluster: Supercluster<P, ClusterProps>;
  /** The last zoom that clusters; above it every point stands alone. */
  maxZoom: number;
};

export type MapNode<P extends ClusterablePoint> =
  | { type: "point"; key: string; lon: number; lat: number; point: P }
  | {
      type: "cluster";
      key: string;
      clusterId: number;
      lon: number;
      lat: number;
      count: number;
      /** The zoom at which the cluster splits (maxZoom + 1 when its points share one place). */
      expansionZoom: number;
      /** The ids of the points it holds. */
      pointIds: string[];
      /** Its points by category (all in "" when the index has no categories). */
      counts: CategoryCounts;
    };

const WORLD: GeoJSON.BBox = [-180, -85, 180, 85];
const TILE_SIZE = 256;

export const CLUSTER_RADIUS = 28;

export function createClusterIndex<P extends ClusterablePoint>(
  points: readonly P[],
  {
    maxZoom,
    radius = CLUSTER_RADIUS,
    categoryOf = () => "",
  }: { maxZoom: number; radius?: number; categoryOf?: (point: P) => string },
): ClusterIndex<P> {
  const supercluster = new Supercluster<P, ClusterProps>({
    radius,
    extent: TILE_SIZE, // radius in the same pixels as baseZoom's 256-pixel world
    maxZoom: Math.max(0, Math.floor(maxZoom)),
    minPoints: 2,
    map: (point) => ({ counts: { [categoryOf(point)]: 1 } }),
    reduce: (accumulated, other) => {
      const counts = { ...accumulated.counts };
      for (const [category, count] of Object.entries(other.counts)) counts[category] = (counts[category] ?? 0) + count;
      accumulated.counts = counts;
    },
  });
  supercluster.load(
    points.map((point) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [point.lon, point.lat] },
      properties: point,
    })),
  );
  return { supercluster, maxZoom: Math.max(0, Math.floor(maxZoom)) };
}

/** The clusters and single points to draw at a zoom (clusters first, then points; each by position). */
export function clustersAt<P extends ClusterablePoint>(index: ClusterIndex<P>, zoom: number): MapNode<P>[] {
  const features = index.supercluster.getClusters(WORLD, Math.max(0, zoom));
  const nodes = features.map((feature): MapNode<P> => {
    const [lon = 0, lat = 0] = feature.geometry.coordinates;
    const properties = feature.properties as Partial<Supercluster.ClusterProperties & ClusterProps>;
    if (properties.cluster && typeof properties.cluster_id === "number") {
      const clusterId = properties.cluster_id;
      const pointIds = index.supercluster
        .getLeaves(clusterId, Infinity)
        .map((leaf) => leaf.properties.id)
        .sort();
      return {
        type: "cluster",
        key: `cluster:${pointIds[0] ?? clusterId}:${pointIds.length}`,
        clusterId,
        lon,
        lat,
        count: properties.point_count ?? pointIds.length,
        expansionZoom: index.supercluster.getClusterExpansionZoom(clusterId),
        pointIds,
        counts: { ...properties.counts },
      };
    }
    const point = feature.properties as P;
    return { type: "point", key: point.id, lon, lat, point };
  });
  return nodes.sort((a, b) => (a.type === b.type ? a.lon - b.lon || a.lat - b.lat : a.type === "cluster" ? -1 : 1));
}

/** The lowest zoom from `fromZoom` up at which the point is not inside a cluster (at most maxZoom + 1). */
export function revealZoom<P extends ClusterablePoint>(index: ClusterIndex<P>, id: string, fromZoom: number): number {
  for (let zoom = Math.max(0, Math.floor(fromZoom)); zoom <= index.maxZoom; zoom++) {
    const hidden = clustersAt(index, zoom).some((node) => node.type === "cluster" && node.pointIds.includes(id));
    if (!hidden) return Math.max(zoom, fromZoom);
  }
  return index.maxZoom + 1;
}

/** The Mercator zoom matching the projection's scale around its centre (see the module comment). */
export function baseZoomOf(projection: GeoProjection): number {
  const [centreLon, centreLat] = projection.invert?.([MAP_WIDTH / 2, MAP_HEIGHT / 2]) ?? [10, 48];
  const west = projection([centreLon - 0.5, centreLat]);
  const east = projection([centreLon + 0.5, centreLat]);
  if (!west || !east) return 4;
  const pixelsPerDegree = Math.hypot(east[0] - west[0], east[1] - west[1]);
  return Math.log2((pixelsPerDegree * 360) / TILE_SIZE);
}

/** Supercluster's zoom for a map scale factor, and back. */
export function zoomForScale(baseZoom: number, scale: number): number {
  return baseZoom + Math.log2(scale);
}

export function scaleForZoom(baseZoom: number, zoom: number): number {
  return 2 ** (zoom - baseZoom);
}

/**
 * Points drawn at one spot (approximate ones share their region's label point) spread on a small circle
 * so each can be seen and picked. Returns an offset for every key; points alone get [0, 0].
 */
export function fanOutOverlaps(
  positions: readonly { key: string; x: number; y: number }[],
  radius = 14,
): Map<string, [number, number]> {
  const groups = new Map<string, string[]>();
  for (const position of positions) {
    const spot = `${Math.round(position.x)}:${Math.round(position.y)}`;
    groups.set(spot, [...(groups.get(spot) ?? []), position.key]);
  }
  const offsets = new Map<string, [number, number]>();
  for (const keys of groups.values()) {
    keys.forEach((key, index) => {
      if (keys.length === 1) {
        offsets.set(key, [0, 0]);
        return;
      }
      const angle = -Math.PI / 2 + (2 * Math.PI * index) / keys.length;
      const spread = radius * Math.max(1, keys.length / 6);
      offsets.set(key, [Math.round(Math.cos(angle) * spread * 10) / 10, Math.round(Math.sin(angle) * spread * 10) / 10]);
    });
  }
  return offsets;
}
