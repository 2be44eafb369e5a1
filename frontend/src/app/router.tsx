import { type ComponentType, useState } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { RouterProvider } from "react-router/dom";

import { AuthenticatedLayout } from "@/app/require-auth";
import { LoginRoute } from "@/app/routes/login";
import { NotFoundRoute } from "@/app/routes/not-found";
import { PartnershipRoute } from "@/app/routes/partnership";
import { RouteError } from "@/app/routes/route-error";

/** A route page loaded on first visit, so the first screen does not wait for every feature's code. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

export const routes: RouteObject[] = [
  { path: "/login", element: <LoginRoute />, errorElement: <RouteError /> },
  {
    element: <AuthenticatedLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <PartnershipRoute /> },
      { path: "regions/scorecard", lazy: page(() => import("@/app/routes/scorecard"), "ScorecardRoute") },
      { path: "regions/:code", lazy: page(() => import("@/app/routes/region"), "RegionRoute") },
      { path: "clusters/:id", lazy: page(() => import("@/app/routes/cluster"), "ClusterRoute") },
      { path: "organisations", lazy: page(() => import("@/app/routes/organisations"), "OrganisationsRoute") },
      { path: "organisations/import", lazy: page(() => import("@/app/routes/organisation-import"), "OrganisationImportRoute") },
      { path: "organisations/duplicates", lazy: page(() => import("@/app/routes/organisation-duplicates"), "OrganisationDuplicatesRoute") },
      { path: "organisations/:organisationId", lazy: page(() => import("@/app/routes/organisation"), "OrganisationRoute") },
      { path: "map", lazy: page(() => import("@/app/routes/map"), "MapRoute") },
      { path: "opportunities/:opportunityId", lazy: page(() => import("@/app/routes/opportunity"), "OpportunityRoute") },
      { path: "saved-searches", lazy: page(() => import("@/app/routes/saved-searches"), "SavedSearchesRoute") },
      { path: "saved-searches/:savedSearchId", lazy: page(() => import("@/app/routes/saved-searches"), "SavedSearchRoute") },
      { path: "proposals", lazy: page(() => import("@/app/routes/proposals"), "ProposalsRoute") },
      { path: "proposals/new", lazy: page(() => import("@/app/routes/proposal-new"), "ProposalNewRoute") },
      { path: "proposals/:id", lazy: page(() => import("@/app/routes/proposal"), "ProposalRoute") },
      { path: "evaluation", lazy: page(() => import("@/app/routes/evaluation"), "EvaluationRoute") },
      { path: "evaluation/profile", lazy: page(() => import("@/app/routes/evaluator-profile"), "EvaluatorProfileRoute") },
      { path: "evaluation/assignments/:assignmentId", lazy: page(() => import("@/app/routes/assignment"), "AssignmentRoute") },
      { path: "evaluators", lazy: page(() => import("@/app/routes/evaluators"), "EvaluatorsRoute") },
      { path: "proposals/:proposalId/feedback", lazy: page(() => import("@/app/routes/proposal-feedback"), "ProposalFeedbackRoute") },
      { path: "notifications", lazy: page(() => import("@/app/routes/notifications"), "NotificationsRoute") },
      { path: "admin/mail-log", lazy: page(() => import("@/app/routes/mail-log"), "MailLogRoute") },
      { path: "calls", lazy: page(() => import("@/app/routes/calls"), "CallsRoute") },
      { path: "calls/new", lazy: page(() => import("@/app/routes/call-edit"), "CallNewRoute") },
      { path: "calls/:id", lazy: page(() => import("@/app/routes/call"), "CallRoute") },
      { path: "calls/:id/edit", lazy: page(() => import("@/app/routes/call-edit"), "CallEditRoute") },
      { path: "calls/:id/pipeline", lazy: page(() => import("@/app/routes/call-pipeline"), "CallPipelineRoute") },
      { path: "calls/:id/panel", lazy: page(() => import("@/app/routes/call-panel"), "CallPanelRoute") },
      { path: "proposals/:id/screening", lazy: page(() => import("@/app/routes/proposal-screening"), "ProposalScreeningRoute") },
      { path: "proposals/:id/evaluation", lazy: page(() => import("@/app/routes/proposal-evaluation"), "ProposalEvaluationRoute") },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
