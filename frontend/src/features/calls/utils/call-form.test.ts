import { describe, expect, it } from "vitest";

import {
  callDraftOf,
  checkCallDraft,
  move,
  newCallDraft,
  phaseProblemsByKind,
  phasesSent,
  statusChoices,
  toCallBody,
  type DraftMessages,
} from "@/features/calls/utils/call-form";
import { PUBLISHED_CALL } from "@/testing/data";

const messages = new Proxy({} as DraftMessages, { get: (_target, name) => String(name) });

describe("the call form's draft", () => {
  it("starts with the service's defaults and its default rubric", () => {
    const draft = newCallDraft();
    expect(draft.status).toBe("draft");
    expect(draft.criteria.map((criterion) => [criterion.key, criterion.weight])).toEqual([
      ["excellence", "30"],
      ["impact", "30"],
      ["implementation", "20"],
      ["partnership", "20"],
    ]);
    expect(draft.tie_breaks.filter((item) => item.used).map((item) => item.rule)).toEqual([
      "higher_criterion",
      "more_partner_regions",
      "earlier_submission",
    ]);
  });

  it("turns an existing call into the API's body again", () => {
    const body = toCallBody(callDraftOf(PUBLISHED_CALL));
    expect(body).toMatchObject({
      code: "TEX4IM-2027",
      kind: "dated",
      year: null,
      min_partner_regions: 2,
      max_proposals_per_region: 3,
      divergence_threshold: "2",
      overall_threshold: "3",
      max_selected_per_region: 1,
      tie_breaks: ["higher_criterion", "more_partner_regions", "earlier_submission"],
      eligible_priorities: ["circular_economy", "advanced_materials"],
    });
    expect(body.phases?.map((phase) => [phase.kind, phase.opens_at])).toEqual([
      ["submission", "2026-10-01T08:00:00.000Z"],
      ["evaluation", "2100-01-10T08:00:00.000Z"],
    ]);
    expect(body.fields?.[0]).toMatchObject({ key: "pilot_site", type: "choice", options: ["A mill", "A lab"], max_length: null });
    expect(body.criteria?.map((criterion) => criterion.weight)).toEqual(["30", "30", "20", "20"]);
    expect(body.targets).toEqual(PUBLISHED_CALL.targets);
  });

  it("sends a year only for a permanent call, options only for a choice and a length only for text", () => {
    const draft = { ...newCallDraft(), kind: "dated" as const, year: "2027" };
    draft.fields = [
      { ...callDraftOf(PUBLISHED_CALL).fields[0]!, type: "number", options: "left over", max_length: "20" },
    ];
    const body = toCallBody(draft);
    expect(body.year).toBeNull();
    expect(body.fields?.[0]).toMatchObject({ options: [], max_length: null });
    expect(toCallBody({ ...draft, kind: "permanent" }).year).toBe(2027);
  });

  it("finds what it can before sending, keyed like the API's problems", () => {
    const draft = newCallDraft();
    draft.code = "bad code!";
    draft.kind = "permanent";
    draft.status = "published";
    draft.phases.evaluation = { opens_at: "2027-02-01T10:00", closes_at: "2027-01-01T10:00" };
    draft.criteria[1] = { ...draft.criteria[1]!, weight: "0" };
    draft.min_evaluators = "three";
    expect(checkCallDraft(draft, messages)).toEqual({
      code: "codePattern",
      title: "required",
      year: "yearForPermanent",
      "phases.evaluation.closes_at": "closesAfterOpens",
      min_evaluators: "wholeNumber",
      "criteria.1.weight": "weight",
      phases: "submissionPhaseNeeded",
    });
  });

  it("maps the API's phase problems back to the phase they are about", () => {
    const draft = newCallDraft();
    draft.phases.submission = { opens_at: "2027-01-01T10:00", closes_at: "2027-02-01T10:00" };
    draft.phases.decision = { opens_at: "2027-01-15T10:00", closes_at: "2027-03-01T10:00" };
    const sent = phasesSent(draft);
    expect(sent).toEqual(["submission", "decision"]);
    expect(phaseProblemsByKind({ "phases.1.opens_at": "opens too early", code: "taken" }, sent)).toEqual({
      "phases.decision.opens_at": "opens too early",
      code: "taken",
    });
  });

  it("offers the status moves the API allows", () => {
    expect(statusChoices(null)).toEqual(["draft", "published"]);
    expect(statusChoices("published")).toEqual(["published", "archived", "draft"]);
    expect(statusChoices("archived")).toEqual(["archived"]);
  });

  it("moves rows one place, and not past the ends", () => {
    expect(move(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(move(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});
