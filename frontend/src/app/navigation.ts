import type { Membership, Role } from "@/features/auth/api/get-me";

/** One entry of the main navigation. `roles: "signed-in"` means every signed-in user. */
export type NavigationItem = {
  id: string;
  to: string;
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
};

/**
 * The single table of built features. Add a line here when a feature ships; features not yet
 * built have no line, so they get no link.
 */
export const NAVIGATION: readonly NavigationItem[] = [
  { id: "partnership", to: "/", labelKey: "nav.partnership", roles: "signed-in" },
  { id: "map", to: "/map", labelKey: "nav.map", roles: "signed-in" },
  { id: "scorecard", to: "/regions/scorecard", labelKey: "nav.scorecard", roles: "signed-in" },
  { id: "organisations", to: "/organisations", labelKey: "nav.organisations", roles: "signed-in" },
  { id: "calls", to: "/calls", labelKey: "nav.calls", roles: "signed-in" },
  { id: "proposals", to: "/proposals", labelKey: "nav.proposals", roles: "signed-in" },
  {
    id: "organisation-import",
    to: "/organisations/import",
    labelKey: "nav.organisationImport",
    roles: ["cluster_manager", "consortium_admin"],
  },
  {
    id: "organisation-duplicates",
    to: "/organisations/duplicates",
    labelKey: "nav.organisationDuplicates",
    roles: ["cluster_manager", "consortium_admin"],
  },
  { id: "evaluation", to: "/evaluation", labelKey: "nav.evaluation", roles: ["evaluator"] },
  { id: "evaluators", to: "/evaluators", labelKey: "nav.evaluators", roles: ["consortium_admin"] },
  { id: "mail-log", to: "/admin/mail-log", labelKey: "nav.mailLog", roles: ["consortium_admin"] },
];

export function navigationFor(memberships: readonly Membership[]): NavigationItem[] {
  const roles = new Set(memberships.map((membership) => membership.role));
  return NAVIGATION.filter((item) => item.roles === "signed-in" || item.roles.some((role) => roles.has(role)));
}
