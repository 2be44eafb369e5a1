import { useState } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { RouterProvider } from "react-router/dom";

import { AuthenticatedLayout } from "@/app/require-auth";
import { LoginRoute } from "@/app/routes/login";
import { NotFoundRoute } from "@/app/routes/not-found";
import { PartnershipRoute } from "@/app/routes/partnership";
import { RouteError } from "@/app/routes/route-error";

export const routes: RouteObject[] = [
  { path: "/login", element: <LoginRoute />, errorElement: <RouteError /> },
  {
    element: <AuthenticatedLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <PartnershipRoute /> },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
