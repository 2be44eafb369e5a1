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
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
