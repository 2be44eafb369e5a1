import { describe, expect, it } from "vitest";

import { formatEuroInput, notGreater, parseEuroInput } from "@/features/proposals/utils/euros";

describe("amounts in euros as people type them", () => {
  it.each([
    ["250000", "en", "250000.00"],
    ["250,000", "en", "250000.00"],
    ["250,000.5", "en", "250000.50"],
    ["€ 1,250,000.00", "en", "1250000.00"],
    ["1500,5", "en", "1500.50"],
    ["250.000", "it", "250000.00"],
    ["250.000,50", "it", "250000.50"],
    ["1500.5", "it", "1500.50"],
    ["1.500", "it", "1500.00"],
    ["250 000 EUR", "it", "250000.00"],
    ["0", "en", "0.00"],
    ["007", "en", "7.00"],
  ])("reads %s in %s as %s", (typed, language, value) => {
    expect(parseEuroInput(typed, language)).toEqual({ ok: true, value });
  });

  it("reads blank as no amount", () => {
    expect(parseEuroInput("  ", "en")).toEqual({ ok: true, value: null });
  });

  it.each([
    ["12,34,5", "en", "format"],
    ["-5", "en", "format"],
    ["abc", "it", "format"],
    ["250.000", "en", "cents"],
    ["1.5.0", "it", "format"],
    ["1234567890123", "en", "too_large"],
  ])("refuses %s in %s (%s)", (typed, language, reason) => {
    expect(parseEuroInput(typed, language)).toEqual({ ok: false, reason });
  });

  it("shows the API's decimal strings grouped in the language, cents only when there are some", () => {
    expect(formatEuroInput("250000.00", "en")).toBe("250,000");
    expect(formatEuroInput("250000.50", "en")).toBe("250,000.50");
    expect(formatEuroInput("250000.00", "it")).toBe("250.000");
    expect(formatEuroInput(null, "en")).toBe("");
    // what is shown reads back as the same amount
    for (const language of ["en", "it"]) {
      for (const value of ["250000.00", "1500.50", "1234567.89"]) {
        expect(parseEuroInput(formatEuroInput(value, language), language)).toEqual({ ok: true, value });
      }
    }
  });

  it("compares two amounts exactly", () => {
    expect(notGreater("200000.00", "250000.00")).toBe(true);
    expect(notGreater("250000.00", "250000.00")).toBe(true);
    expect(notGreater("250000.01", "250000.00")).toBe(false);
    expect(notGreater("9999999999.99", "10000000000.00")).toBe(true);
  });
});
