import type { Call, TieBreak } from "@/features/calls/api/get-call";

/** One rule of a call, said in plain words by the `rules.<key>` text with these values. */
export type CallRule =
  | { key: "partnerRegions"; count: number }
  | { key: "regionQuota"; count: number }
  | { key: "noRegionQuota" }
  | { key: "evaluators"; count: number }
  | { key: "ownRegionExcluded" }
  | { key: "divergence"; value: string }
  | { key: "passing"; value: string }
  | { key: "selection"; selected: number; reserve: number }
  | { key: "selectionOpen" }
  | { key: "selectedPerRegion"; count: number }
  | { key: "tieBreaks"; rules: TieBreak[] }
  | { key: "feedback"; policy: Call["feedback_policy"] };

/** The call's rules, in the order an applicant meets them: who may apply, how it is evaluated, who is chosen. */
export function callRules(call: Call): CallRule[] {
  const rules: CallRule[] = [{ key: "partnerRegions", count: call.min_partner_regions }];
  rules.push(
    call.max_proposals_per_region === null
      ? { key: "noRegionQuota" }
      : { key: "regionQuota", count: call.max_proposals_per_region },
  );
  rules.push({ key: "evaluators", count: call.min_evaluators });
  if (call.exclude_own_region_evaluators) rules.push({ key: "ownRegionExcluded" });
  rules.push({ key: "divergence", value: call.divergence_threshold });
  rules.push({ key: "passing", value: call.overall_threshold });
  rules.push(
    call.selected_count > 0 || call.reserve_count > 0
      ? { key: "selection", selected: call.selected_count, reserve: call.reserve_count }
      : { key: "selectionOpen" },
  );
  if (call.max_selected_per_region !== null) {
    rules.push({ key: "selectedPerRegion", count: call.max_selected_per_region });
  }
  if (call.tie_breaks.length > 0) rules.push({ key: "tieBreaks", rules: call.tie_breaks });
  rules.push({ key: "feedback", policy: call.feedback_policy });
  return rules;
}
