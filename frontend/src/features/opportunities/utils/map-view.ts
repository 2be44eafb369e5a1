import { MAP_HEIGHT, MAP_WIDTH } from "@/lib/geo/map-projection";

/**
 * Pan and zoom of the SVG map: a point at (x, y) in the projection's drawing box is drawn at
 * (x * k + tx, y * k + ty). k = 1 shows the whole drawing box; the view never leaves it.
 */
export type MapView = { k: number; tx: number; ty: number };

export const MIN_SCALE = 1;
export const MAX_SCALE = 32;
export const INITIAL_VIEW: MapView = { k: 1, tx: 0, ty: 0 };

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Keeps the scale within bounds and the drawing box covering the whole view. */
export function clampView(view: MapView): MapView {
  const k = clamp(view.k, MIN_SCALE, MAX_SCALE);
  return {
    k,
    tx: clamp(view.tx, MAP_WIDTH - MAP_WIDTH * k, 0),
    ty: clamp(view.ty, MAP_HEIGHT - MAP_HEIGHT * k, 0),
  };
}

/** Zooms by `factor` keeping the point under (fx, fy) (view coordinates) where it is. */
export function zoomAround(view: MapView, factor: number, fx = MAP_WIDTH / 2, fy = MAP_HEIGHT / 2): MapView {
  const k = clamp(view.k * factor, MIN_SCALE, MAX_SCALE);
  const ratio = k / view.k;
  return clampView({ k, tx: fx - (fx - view.tx) * ratio, ty: fy - (fy - view.ty) * ratio });
}

/** Centres the view on a drawing-box point at scale k. */
export function centreOn(x: number, y: number, k: number): MapView {
  const scale = clamp(k, MIN_SCALE, MAX_SCALE);
  return clampView({ k: scale, tx: MAP_WIDTH / 2 - x * scale, ty: MAP_HEIGHT / 2 - y * scale });
}

export function panBy(view: MapView, dx: number, dy: number): MapView {
  return clampView({ ...view, tx: view.tx + dx, ty: view.ty + dy });
}

/** Where a drawing-box point appears in the view. */
export function toView(view: MapView, [x, y]: readonly [number, number]): [number, number] {
  return [Math.round((x * view.k + view.tx) * 10) / 10, Math.round((y * view.k + view.ty) * 10) / 10];
}

export function isInView([x, y]: readonly [number, number], margin = 0): boolean {
  return x >= -margin && x <= MAP_WIDTH + margin && y >= -margin && y <= MAP_HEIGHT + margin;
}
