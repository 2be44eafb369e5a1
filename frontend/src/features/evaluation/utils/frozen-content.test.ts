import { describe, expect, it } from "vitest";

import { answerValue, attachmentUrl, fileSize, readFrozenContent } from "@/features/evaluation/utils/frozen-content";

const field = (type: string) => ({ key: "k", label: "K", type, private_to_evaluators: false });

describe("the frozen content", () => {
  it("reads a complete document as it is", () => {
    const content = readFrozenContent({
      format: 1,
      title: "RECARD",
      acronym: "RC",
      summary: "S",
      priorities: ["circular_economy"],
      value_chain: ["yarn"],
      trl: 6,
      budget_eur: "100.00",
      requested_eur: null,
      lead: { organisation_id: "o1", name: "Lead", region_code: "ITI1" },
      partners: [{ organisation_id: "o2", name: null, region_code: "PT11", status: "confirmed", role_description: "R" }],
      fields: [{ key: "market", label: "Market", type: "long_text", private_to_evaluators: true }],
      answers: { market: "EU" },
      attachments: [{ id: "a1", kind: "budget", filename: "b.xlsx", media_type: "x", size_bytes: 10, sha256: "s" }],
    });
    expect(content.lead).toEqual({ organisation_id: "o1", name: "Lead", region_code: "ITI1" });
    expect(content.partners[0]).toMatchObject({ name: null, status: "confirmed", role_description: "R" });
    expect(content.fields[0]?.private_to_evaluators).toBe(true);
    expect(content.answers).toEqual({ market: "EU" });
    expect(content.attachments[0]?.filename).toBe("b.xlsx");
  });

  it("gives empty values instead of failing on a partial or odd document", () => {
    const content = readFrozenContent({ title: 3, partners: "x", fields: [{ label: "no key" }], attachments: [{}] });
    expect(content.title).toBe("");
    expect(content.partners).toEqual([]);
    expect(content.fields).toEqual([]);
    expect(content.attachments).toEqual([]);
    expect(content.lead.name).toBeNull();
  });
});

describe("answers", () => {
  it.each([
    [field("boolean"), true, { kind: "boolean", value: true }],
    [field("number"), 12, { kind: "number", value: 12 }],
    [field("date"), "2026-01-31", { kind: "date", value: "2026-01-31" }],
    [field("url"), "https://example.eu", { kind: "url", value: "https://example.eu" }],
    [field("url"), "javascript:alert(1)", { kind: "text", value: "javascript:alert(1)" }],
    [field("text"), "", { kind: "empty" }],
    [field("text"), null, { kind: "empty" }],
    [field("choice"), ["a", "b"], { kind: "text", value: "a, b" }],
    [field("text"), { a: 1 }, { kind: "text", value: '{"a":1}' }],
  ])("reads %o %o", (frozenField, answer, expected) => {
    expect(answerValue(frozenField, answer)).toEqual(expected);
  });
});

describe("attachments", () => {
  it("links to the file through the gateway", () => {
    expect(attachmentUrl("p 1", "a/1")).toBe("/api/proposals/proposals/p%201/attachments/a%2F1/content");
  });

  it("sizes files in bytes, kilobytes or megabytes", () => {
    expect(fileSize(512)).toEqual({ value: 512, unit: "byte" });
    expect(fileSize(24_576)).toEqual({ value: 24, unit: "kilobyte" });
    expect(fileSize(3 * 1024 * 1024 + 200_000)).toEqual({ value: 3.2, unit: "megabyte" });
  });
});
