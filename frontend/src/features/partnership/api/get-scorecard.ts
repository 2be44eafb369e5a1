import { queryOptions, useQuery } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type Scorecard = components["schemas"]["ScorecardOut"];
export type ScorecardRegion = Scorecard["regions"][number];
export type ScorecardIndicator = Scorecard["indicators"][number];
export type ScorecardValue = components["schemas"]["ScorecardValue"];
export type PlatformFigures = components["schemas"]["PlatformFigures"];

/** The eight regions side by side: each indicator's latest value per region and the platform's live figures. */
export function getScorecard(): Promise<Scorecard> {
  return unwrap(api.GET("/api/intelligence/regions/scorecard"));
}

export const scorecardQueryOptions = () =>
  queryOptions({ queryKey: ["partnership", "scorecard"], queryFn: getScorecard, staleTime: 60_000 });

export function useScorecard() {
  return useQuery(scorecardQueryOptions());
}
