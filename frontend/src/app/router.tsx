import { useState } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { RouterProvider } from "react-router/dom";

import { AuthenticatedLayout } from "@/app/require-auth";
import { ClusterRoute } from "@/app/routes/cluster";
import { LoginRoute } from "@/app/routes/login";
import { MapRoute } from "@/app/routes/map";
import { NotFoundRoute } from "@/app/routes/not-found";
import { OpportunityRoute } from "@/app/routes/opportunity";
import { OrganisationRoute } from "@/app/routes/organisation";
import { OrganisationDuplicatesRoute } from "@/app/routes/organisation-duplicates";
import { OrganisationImportRoute } from "@/app/routes/organisation-import";
import { OrganisationsRoute } from "@/app/routes/organisations";
import { PartnershipRoute } from "@/app/routes/partnership";
import { RegionRoute } from "@/app/routes/region";
import { RouteError } from "@/app/routes/route-error";
import { SavedSearchesRoute, SavedSearchRoute } from "@/app/routes/saved-searches";
import { ScorecardRoute } from "@/app/routes/scorecard";

export const routes: RouteObject[] = [
  { path: "/login", element: <LoginRoute />, errorElement: <RouteError /> },
  {
    element: <AuthenticatedLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <PartnershipRoute /> },
      { path: "regions/scorecard", element: <ScorecardRoute /> },
      { path: "regions/:code", element: <RegionRoute /> },
      { path: "clusters/:id", element: <ClusterRoute /> },
      { path: "organisations", element: <OrganisationsRoute /> },
      { path: "organisations/import", element: <OrganisationImportRoute /> },
      { path: "organisations/duplicates", element: <OrganisationDuplicatesRoute /> },
      { path: "organisations/:organisationId", element: <OrganisationRoute /> },
      { path: "map", element: <MapRoute /> },
      { path: "opportunities/:opportunityId", element: <OpportunityRoute /> },
      { path: "saved-searches", element: <SavedSearchesRoute /> },
      { path: "saved-searches/:savedSearchId", element: <SavedSearchRoute /> },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
