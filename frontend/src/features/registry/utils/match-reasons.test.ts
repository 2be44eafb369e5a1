import { describe, expect, it } from "vitest";

import { describeReason, type ReasonWords } from "@/features/registry/utils/match-reasons";

// words that show which translation and which lookups were used
const WORDS: ReasonWords = {
  message: (code, values) => `${code}(${Object.entries(values).map(([key, value]) => `${key}=${value}`).join(";")})`,
  list: (items) => items.join(" & "),
  priority: (code) => `P:${code}`,
  division: (code) => `D:${code}`,
  step: (code) => `S:${code}`,
  region: (code) => `R:${code}`,
  country: (code) => `C:${code}`,
  place: (code) => `PL:${code}`,
  date: (iso) => `on ${iso}`,
};

describe("matching reasons in words", () => {
  it("translates a known code with its params named in words", () => {
    const reason = { code: "shared_priorities", params: { priorities: ["circular_economy", "creativity"] }, text: "x" };
    expect(describeReason(reason, WORDS)).toBe("shared_priorities(priorities=P:circular_economy & P:creativity)");
  });

  it("names value-chain neighbours and days left", () => {
    expect(
      describeReason({ code: "value_chain_adjacent", params: { pairs: [["fabric", "finishing"]] }, text: "x" }, WORDS),
    ).toBe("value_chain_adjacent(pairs=S:fabric → S:finishing)");
    expect(
      describeReason({ code: "deadline_soon", params: { days_left: 0, deadline: "2026-12-01" }, text: "x" }, WORDS),
    ).toBe("deadline_soon(count=0;date=on 2026-12-01)");
  });

  it("falls back to the API's text for an unknown code or params of another shape", () => {
    expect(describeReason({ code: "brand_new", params: {}, text: "Something new." }, WORDS)).toBe("Something new.");
    expect(describeReason({ code: "same_region", params: { region: 7 }, text: "In your region." }, WORDS)).toBe(
      "In your region.",
    );
  });
});
