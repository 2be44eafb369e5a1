import { interpolateBlues } from "d3-scale-chromatic";

/**
 * The fill of an overlap cell for a Jaccard index (0 = nothing shared … 1 = the same priorities). The ramp
 * stops at a mid blue so the dark cell text keeps a contrast of at least 4.5:1.
 */
export function heatColour(jaccard: number | null): string {
  if (jaccard === null) return "transparent";
  return interpolateBlues(0.05 + 0.55 * Math.min(1, Math.max(0, jaccard)));
}
