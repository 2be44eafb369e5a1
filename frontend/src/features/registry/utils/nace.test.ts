import { describe, expect, it } from "vitest";

import { isNamedNaceDivision, naceDivision } from "@/features/registry/utils/nace";

describe("NACE codes", () => {
  it.each([
    ["C13.20", "C13"],
    ["c14", "C14"],
    [" C15.1 ", "C15"],
    ["13.20", null],
    ["C1", null],
  ])("%s is in division %s", (code, division) => {
    expect(naceDivision(code)).toBe(division);
  });

  it("names the textile, clothing and leather divisions", () => {
    expect(["C13", "C14", "C15"].every(isNamedNaceDivision)).toBe(true);
    expect(isNamedNaceDivision("A01")).toBe(false);
    expect(isNamedNaceDivision(null)).toBe(false);
  });
});
