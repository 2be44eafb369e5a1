import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { vi } from "vitest";

import { AppProvider } from "@/app/provider";
import { routes } from "@/app/router";
import { createQueryClient } from "@/lib/query-client";
import { createFakeApi, type FakeApi } from "@/testing/fake-api";

/** Renders the whole app at `path` against a fake gateway (the only thing faked is fetch). */
export function renderApp(path = "/", api: FakeApi = createFakeApi()) {
  vi.stubGlobal("fetch", api.fetch);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient({ queries: { retry: false } });
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, api, router, queryClient, user };
}
