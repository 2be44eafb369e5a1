import { describe, expect, it } from "vitest";

import { NAVIGATION, navigationFor } from "@/app/navigation";
import { safeNextPath } from "@/app/safe-next";

describe("the navigation table", () => {
  it("gives the partnership home to every role and to users without a role", () => {
    for (const role of ["consortium_admin", "cluster_manager", "evaluator", "member"] as const) {
      expect(navigationFor([{ role, region: null, organisation_id: null }]).map((item) => item.id)).toEqual([
        "partnership",
      ]);
    }
    expect(navigationFor([]).map((item) => item.id)).toEqual(["partnership"]);
  });

  it("lists only built features", () => {
    expect(NAVIGATION.map((item) => item.to)).toEqual(["/"]);
  });
});

describe("the return path after sign-in", () => {
  it.each([
    ["/?region=ITI1", "/?region=ITI1"],
    [null, "/"],
    ["//evil.example/x", "/"],
    ["https://evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/login?next=/", "/"],
  ])("%s -> %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
