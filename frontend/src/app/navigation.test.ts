import { matchRoutes } from "react-router";
import { describe, expect, it } from "vitest";

import {
  currentNavigationItem,
  NAVIGATION,
  NAVIGATION_GROUPS,
  navigationFor,
  navigationMenusFor,
} from "@/app/navigation";
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

  it("puts every link in one of the menus, and every menu has links", () => {
    const groups = NAVIGATION_GROUPS.map((group) => group.id);
    for (const item of NAVIGATION) expect(groups, item.id).toContain(item.group);
    for (const group of groups) expect(NAVIGATION.some((item) => item.group === group), group).toBe(true);
  });
});

describe("the menus of each role", () => {
  const menusOf = (role: "consortium_admin" | "cluster_manager" | "evaluator" | "member") =>
    navigationMenusFor([{ role, region: "ITI1", organisation_id: null }]).map(({ group, items }) => [
      group.id,
      items.map((item) => item.id),
    ]);

  it("gives a member the partnership, opportunities and proposals, and no admin menu", () => {
    expect(menusOf("member")).toEqual([
      ["partnership", ["partnership", "scorecard"]],
      ["opportunities", ["map", "organisations"]],
      ["proposals", ["proposals", "calls"]],
    ]);
  });

  it("adds the evaluation workspace to the proposals menu of an evaluator", () => {
    expect(menusOf("evaluator")).toContainEqual(["proposals", ["proposals", "calls", "evaluation"]]);
  });

  it("gives the admin the import, the duplicates and the admin menu", () => {
    expect(menusOf("consortium_admin")).toEqual([
      ["partnership", ["partnership", "scorecard"]],
      ["opportunities", ["map", "organisations", "organisation-import", "organisation-duplicates"]],
      ["proposals", ["proposals", "calls"]],
      ["admin", ["evaluators", "mail-log"]],
    ]);
  });

  it("leaves out a menu with no link for the user (someone without a role)", () => {
    expect(navigationMenusFor([]).map((menu) => menu.group.id)).toEqual(["partnership", "opportunities", "proposals"]);
  });
});

describe("the section of the page being shown", () => {
  const everything = NAVIGATION;
  it.each([
    ["/", "partnership"],
    ["/regions/ITI1", "partnership"],
    ["/clusters/0f0e7c62", "partnership"],
    ["/regions/scorecard", "scorecard"],
    ["/map", "map"],
    ["/opportunities/42", "map"],
    ["/saved-searches/7", "map"],
    ["/organisations", "organisations"],
    ["/organisations/0f0e7c62", "organisations"],
    ["/organisations/import", "organisation-import"],
    ["/organisations/duplicates", "organisation-duplicates"],
    ["/proposals/new", "proposals"],
    ["/proposals/9/evaluation", "proposals"],
    ["/calls/3/panel", "calls"],
    ["/evaluation/assignments/5", "evaluation"],
    ["/evaluators", "evaluators"],
    ["/admin/mail-log", "mail-log"],
    ["/notifications", undefined],
    ["/callsign", undefined],
  ])("%s belongs to %s", (pathname, expected) => {
    expect(currentNavigationItem(everything, pathname)?.id).toBe(expected);
  });

  it("only among the user's own links", () => {
    expect(currentNavigationItem(navigationFor([]), "/admin/mail-log")).toBeUndefined();
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
