import { describe, expect, it } from "vitest";

import { isPast, urgencyOf, workspaceOrder } from "@/features/evaluation/utils/due-date";
import { formatRelativeTime, languageName } from "@/lib/intl";

const NOW = Date.parse("2026-11-25T12:00:00Z");

describe("how urgent a due date is", () => {
  it.each([
    ["2026-11-24T12:00:00Z", "overdue"],
    ["2026-11-26T12:00:00Z", "soon"],
    ["2026-12-02T12:00:00Z", "soon"],
    ["2026-12-31T12:00:00Z", "later"],
    [null, "none"],
    ["not a date", "none"],
  ])("%s is %s", (dueAt, urgency) => {
    expect(urgencyOf(dueAt, NOW)).toBe(urgency);
  });

  it("tells a passed instant", () => {
    expect(isPast("2026-11-24T12:00:00Z", NOW)).toBe(true);
    expect(isPast("2026-11-26T12:00:00Z", NOW)).toBe(false);
    expect(isPast("x", NOW)).toBe(false);
  });

  it("is never urgent once the review is submitted", () => {
    expect(urgencyOf("2026-11-24T12:00:00Z", NOW, true)).toBe("none");
  });
});

describe("relative times and language names (lib/intl)", () => {
  it.each([
    ["2026-12-02T12:00:00Z", "en", "next week"],
    ["2026-11-28T12:00:00Z", "en", "in 3 days"],
    ["2026-11-24T12:00:00Z", "en", "yesterday"],
    ["2026-11-25T10:00:00Z", "en", "2 hours ago"],
    ["2026-11-25T11:55:00Z", "en", "5 minutes ago"],
    ["2026-11-25T12:00:20Z", "en", "now"],
    ["2026-11-28T12:00:00Z", "it", "tra 3 giorni"],
  ])("%s in %s reads %s", (at, language, expected) => {
    expect(formatRelativeTime(at, language, NOW)).toBe(expected);
  });

  it("leaves what is not a date as it is", () => {
    expect(formatRelativeTime("soon", "en", NOW)).toBe("soon");
  });

  it("names languages in the interface language", () => {
    expect(languageName("it", "en")).toBe("Italian");
    expect(languageName("sv", "it")).toBe("svedese");
  });
});

describe("the workspace's order", () => {
  it("puts the reviews to submit first, nearest due date first, then the latest submitted", () => {
    const rows = [
      { id: "done-old", status: "submitted", due_at: "2026-01-01T00:00:00Z", submitted_at: "2026-01-01T00:00:00Z" },
      { id: "open-late", status: "assigned", due_at: "2026-12-31T00:00:00Z", submitted_at: null },
      { id: "open-none", status: "assigned", due_at: null, submitted_at: null },
      { id: "done-new", status: "submitted", due_at: "2026-01-01T00:00:00Z", submitted_at: "2026-02-01T00:00:00Z" },
      { id: "open-soon", status: "assigned", due_at: "2026-12-01T00:00:00Z", submitted_at: null },
    ];
    expect(workspaceOrder(rows).map((row) => row.id)).toEqual(["open-soon", "open-late", "open-none", "done-new", "done-old"]);
  });
});
