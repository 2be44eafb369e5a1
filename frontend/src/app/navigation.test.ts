import { matchRoutes } from "react-router";
import { describe, expect, it } from "vitest";

import { NAVIGATION, navigationFor } from "@/app/navigation";
import { routes } from "@/app/router";
import { safeNextPath } from "@/app/safe-next";

describe("the navigation table", () => {
  it("gives the pages for every signed-in user to every role and to users without a role", () => {
    const everyone = NAVIGATION.filter((item) => item.roles === "signed-in").map((item) => item.id);
    expect(everyone).toEqual(expect.arrayContaining(["partnership", "scorecard", "organisations"]));
    for (const role of ["consortium_admin", "cluster_manager", "evaluator", "member"] as const) {
      expect(navigationFor([{ role, region: null, organisation_id: null }]).map((item) => item.id)).toEqual(
        expect.arrayContaining(everyone),
      );
    }
    expect(navigationFor([]).map((item) => item.id)).toEqual(everyone);
  });

  it("links the organisation import and the duplicate review for cluster managers and the admin only", () => {
    const managerPages = ["organisation-import", "organisation-duplicates"];
    for (const role of ["consortium_admin", "cluster_manager"] as const) {
      const ids = navigationFor([{ role, region: "ITI1", organisation_id: null }]).map((item) => item.id);
      expect(ids).toEqual(expect.arrayContaining(managerPages));
    }
    for (const role of ["evaluator", "member"] as const) {
      const ids = navigationFor([{ role, region: "ITI1", organisation_id: null }]).map((item) => item.id);
      expect(ids.filter((id) => managerPages.includes(id))).toEqual([]);
    }
  });

  it("lists only built features: every link leads to a page of the router", () => {
    for (const item of NAVIGATION) {
      const matched = matchRoutes(routes, item.to)?.at(-1)?.route;
      expect(matched?.path, item.to).not.toBe("*");
    }
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
