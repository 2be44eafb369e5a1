import type { Membership, Role } from "@/features/auth/api/get-me";

/** The menus of the header, in their order. */
export type NavigationGroupId = "partnership" | "opportunities" | "proposals" | "admin";

export type NavigationGroup = {
  id: NavigationGroupId;
  labelKey: "nav.groups.partnership" | "nav.groups.opportunities" | "nav.groups.proposals" | "nav.groups.admin";
};

/** One entry of the main navigation. `roles: "signed-in"` means every signed-in user. */
export type NavigationItem = {
  id: string;
  to: string;
  group: NavigationGroupId;
  labelKey:
    | "nav.partnership"
    | "nav.map"
    | "nav.scorecard"
    | "nav.organisations"
    | "nav.organisationImport"
    | "nav.organisationDuplicates"
    | "nav.proposals"
    | "nav.calls"
    | "nav.evaluation"
    | "nav.evaluators"
    | "nav.mailLog";
  roles: readonly Role[] | "signed-in";
  /** Other paths whose pages belong to this link's section (e.g. a region's profile to the partnership). */
  section?: readonly string[];
};

export const NAVIGATION_GROUPS: readonly NavigationGroup[] = [
  { id: "partnership", labelKey: "nav.groups.partnership" },
  { id: "opportunities", labelKey: "nav.groups.opportunities" },
  { id: "proposals", labelKey: "nav.groups.proposals" },
  { id: "admin", labelKey: "nav.groups.admin" },
];

/**
 * The single table of built features. Add a line here when a feature ships; features not yet
 * built have no line, so they get no link. Within a group, links show in this order.
 */
export const NAVIGATION: readonly NavigationItem[] = [
  {
    id: "partnership",
    to: "/",
    group: "partnership",
    labelKey: "nav.partnership",
    roles: "signed-in",
    section: ["/regions", "/clusters"],
  },
  { id: "scorecard", to: "/regions/scorecard", group: "partnership", labelKey: "nav.scorecard", roles: "signed-in" },
  {
    id: "map",
    to: "/map",
    group: "opportunities",
    labelKey: "nav.map",
    roles: "signed-in",
    section: ["/opportunities", "/saved-searches"],
  },
  { id: "organisations", to: "/organisations", group: "opportunities", labelKey: "nav.organisations", roles: "signed-in" },
  {
    id: "organisation-import",
    to: "/organisations/import",
    group: "opportunities",
    labelKey: "nav.organisationImport",
    roles: ["cluster_manager", "consortium_admin"],
  },
  {
    id: "organisation-duplicates",
    to: "/organisations/duplicates",
    group: "opportunities",
    labelKey: "nav.organisationDuplicates",
    roles: ["cluster_manager", "consortium_admin"],
  },
  { id: "proposals", to: "/proposals", group: "proposals", labelKey: "nav.proposals", roles: "signed-in" },
  { id: "calls", to: "/calls", group: "proposals", labelKey: "nav.calls", roles: "signed-in" },
  { id: "evaluation", to: "/evaluation", group: "proposals", labelKey: "nav.evaluation", roles: ["evaluator"] },
  { id: "evaluators", to: "/evaluators", group: "admin", labelKey: "nav.evaluators", roles: ["consortium_admin"] },
  { id: "mail-log", to: "/admin/mail-log", group: "admin", labelKey: "nav.mailLog", roles: ["consortium_admin"] },
];

export function navigationFor(memberships: readonly Membership[]): NavigationItem[] {
  const roles = new Set(memberships.map((membership) => membership.role));
  return NAVIGATION.filter((item) => item.roles === "signed-in" || item.roles.some((role) => roles.has(role)));
}

export type NavigationMenu = { group: NavigationGroup; items: NavigationItem[] };

/** The user's menus: each group with the links their roles may see; a group with none is left out. */
export function navigationMenusFor(memberships: readonly Membership[]): NavigationMenu[] {
  const items = navigationFor(memberships);
  return NAVIGATION_GROUPS.map((group) => ({ group, items: items.filter((item) => item.group === group.id) })).filter(
    (menu) => menu.items.length > 0,
  );
}

function within(pathname: string, base: string): boolean {
  if (base === "/") return pathname === "/";
  return pathname === base || pathname.startsWith(`${base}/`);
}

/**
 * The link whose section the page at `pathname` belongs to: the longest matching path wins, so
 * `/organisations/import` is the import, `/organisations/<id>` the organisations and `/regions/ITI1` the partnership.
 */
export function currentNavigationItem(items: readonly NavigationItem[], pathname: string): NavigationItem | undefined {
  let best: { item: NavigationItem; length: number } | undefined;
  for (const item of items) {
    for (const base of [item.to, ...(item.section ?? [])]) {
      if (within(pathname, base) && (!best || base.length > best.length)) best = { item, length: base.length };
    }
  }
  return best?.item;
}
