import { describe, expect, it } from "vitest";

import {
  mayCreateProposals,
  mayReadPrivateAnswers,
  relatedPages,
  type Membership,
} from "@/features/proposals/utils/access";
import { newIdempotencyKey } from "@/features/proposals/utils/idempotency-key";
import { partnerRule } from "@/features/proposals/utils/partner-rule";
import { unmetTarget } from "@/features/proposals/utils/unmet";
import { PROPOSAL_IDS, proposalDetail } from "@/testing/data";

const member = (organisation: string, region = "ITI1"): Membership => ({
  role: "member",
  region,
  organisation_id: organisation,
});
const manager = (region: string): Membership => ({ role: "cluster_manager", region, organisation_id: null });
const ADMIN: Membership = { role: "consortium_admin", region: null, organisation_id: null };
const EVALUATOR: Membership = { role: "evaluator", region: null, organisation_id: null };

describe("the partner rule", () => {
  it("counts the lead's region and the confirmed partners' regions, and names the invited ones that would add one", () => {
    const proposal = proposalDetail();
    expect(partnerRule(proposal, 2)).toEqual({ needed: 2, present: ["ITI1"], pending: ["ES52"], met: false });
    const confirmed = { ...proposal.partners[0]!, status: "confirmed" as const };
    const declined = { ...proposal.partners[0]!, region_code: "PT11", status: "declined" as const };
    expect(partnerRule({ ...proposal, partners: [confirmed, declined] }, 2)).toEqual({
      needed: 2,
      present: ["ES52", "ITI1"],
      pending: [],
      met: true,
    });
  });
});

describe("who may do what around proposals", () => {
  it("lets members, managers and the admin start proposals, not evaluators", () => {
    expect(mayCreateProposals([member(PROPOSAL_IDS.lead)])).toBe(true);
    expect(mayCreateProposals([manager("ES52")])).toBe(true);
    expect(mayCreateProposals([ADMIN])).toBe(true);
    expect(mayCreateProposals([EVALUATOR])).toBe(false);
    expect(mayCreateProposals([])).toBe(false);
  });

  it("shows private answers to the lead's members, the lead region's managers and the admin only", () => {
    const proposal = proposalDetail();
    expect(mayReadPrivateAnswers([member(PROPOSAL_IDS.lead)], proposal)).toBe(true);
    expect(mayReadPrivateAnswers([manager("ITI1")], proposal)).toBe(true);
    expect(mayReadPrivateAnswers([ADMIN], proposal)).toBe(true);
    expect(mayReadPrivateAnswers([member(PROPOSAL_IDS.partnerEs52, "ES52")], proposal)).toBe(false);
    expect(mayReadPrivateAnswers([manager("ES52")], proposal)).toBe(false);
  });

  it("links the screening, the evaluation and the feedback for those who may use them, once they exist", () => {
    const draft = proposalDetail();
    const submitted = proposalDetail({ submitted_version: 1 });
    expect(relatedPages([ADMIN], draft, true)).toEqual([]);
    expect(relatedPages([manager("ITI1")], submitted, false)).toEqual(["screening"]);
    expect(relatedPages([manager("ES52")], submitted, false)).toEqual([]);
    expect(relatedPages([ADMIN], submitted, false)).toEqual(["screening", "evaluation"]);
    expect(relatedPages([ADMIN], submitted, true)).toEqual(["screening", "evaluation", "feedback"]);
    expect(relatedPages([member(PROPOSAL_IDS.lead)], submitted, true)).toEqual(["feedback"]);
    // an invited (not confirmed) partner's member reads no feedback
    expect(relatedPages([member(PROPOSAL_IDS.partnerEs52, "ES52")], submitted, true)).toEqual([]);
  });
});

describe("where to fix what a step lacks", () => {
  it.each([
    ["title", { tab: "overview", field: "title" }],
    ["answers.market", { tab: "overview", field: "answers.market" }],
    ["body.requested_eur", { tab: "overview", field: "requested_eur" }],
    ["partners", { tab: "partners" }],
    ["call.submission_phase", null],
    ["screening", null],
  ])("%s", (field, target) => {
    expect(unmetTarget(field)).toEqual(target);
  });
});

describe("idempotency keys", () => {
  it("are UUID v4s, new each time, also without crypto.randomUUID", () => {
    const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).toMatch(pattern);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
    const descriptor = Object.getOwnPropertyDescriptor(crypto, "randomUUID");
    try {
      Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
      expect(newIdempotencyKey()).toMatch(pattern);
    } finally {
      if (descriptor) Object.defineProperty(crypto, "randomUUID", descriptor);
      else Reflect.deleteProperty(crypto, "randomUUID");
    }
  });
});
