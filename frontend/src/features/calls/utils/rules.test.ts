import { describe, expect, it } from "vitest";

import { callRules } from "@/features/calls/utils/rules";
import { PUBLISHED_CALL } from "@/testing/data";

describe("a call's rules", () => {
  it("are listed in the order an applicant meets them, with their numbers", () => {
    expect(callRules(PUBLISHED_CALL)).toEqual([
      { key: "partnerRegions", count: 2 },
      { key: "regionQuota", count: 3 },
      { key: "evaluators", count: 3 },
      { key: "ownRegionExcluded" },
      { key: "divergence", value: "2.00" },
      { key: "passing", value: "3.00" },
      { key: "selection", selected: 2, reserve: 1 },
      { key: "selectedPerRegion", count: 1 },
      { key: "tieBreaks", rules: ["higher_criterion", "more_partner_regions", "earlier_submission"] },
      { key: "feedback", policy: "scores_and_comments" },
    ]);
  });

  it("say when there is no quota, no selection yet and no regional cap", () => {
    const keys = callRules({
      ...PUBLISHED_CALL,
      max_proposals_per_region: null,
      exclude_own_region_evaluators: false,
      selected_count: 0,
      reserve_count: 0,
      max_selected_per_region: null,
      tie_breaks: [],
    }).map((rule) => rule.key);
    expect(keys).toEqual(["partnerRegions", "noRegionQuota", "evaluators", "divergence", "passing", "selectionOpen", "feedback"]);
  });
});
