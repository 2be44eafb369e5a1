import { describe, expect, it } from "vitest";

import { badgeCount, notificationPath } from "@/features/notifications/utils/links";

describe("where a notification leads", () => {
  it.each([
    ["/proposals/1", "/proposals/1"],
    ["/evaluation/assignments/2?x=1", "/evaluation/assignments/2?x=1"],
    ["/evaluation", "/evaluation"],
    ["//evil.example/x", null],
    ["/\\evil.example", null],
    ["https://evil.example", null],
    ["javascript:alert(1)", null],
    ["", null],
    [null, null],
  ])("%s -> %s", (link, expected) => {
    expect(notificationPath(link)).toBe(expected);
  });
});

describe("the bell's count", () => {
  it("shows up to 99, then 99+", () => {
    expect(badgeCount(1)).toBe("1");
    expect(badgeCount(99)).toBe("99");
    expect(badgeCount(100)).toBe("99+");
  });
});
