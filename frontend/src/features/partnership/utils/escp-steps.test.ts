import { describe, expect, it } from "vitest";

import { isAdminStep, needsComment, stepIndex, stepsFor } from "@/features/partnership/utils/escp-steps";

describe("the ESCP-S3 steps a viewer is offered", () => {
  it("offers a manager only the submission of a draft", () => {
    expect(stepsFor("draft", ["submitted"], false)).toEqual(["submitted"]);
    expect(stepsFor("submitted", ["validated", "draft"], false)).toEqual([]);
    expect(stepsFor("validated", ["linked", "draft"], false)).toEqual([]);
  });

  it("offers the admin every step the API allows", () => {
    expect(stepsFor("submitted", ["validated", "draft"], true)).toEqual(["validated", "draft"]);
    expect(stepsFor("linked", [], true)).toEqual([]);
  });

  it("knows which steps are the admin's and which need a comment", () => {
    expect(isAdminStep("draft", "submitted")).toBe(false);
    expect(isAdminStep("validated", "linked")).toBe(true);
    expect(needsComment("validated", "draft")).toBe(true);
    expect(needsComment("draft", "submitted")).toBe(false);
    expect(stepIndex("validated")).toBe(2);
    expect(stepIndex("unknown")).toBe(-1);
  });
});
