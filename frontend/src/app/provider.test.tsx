import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { createFakeApi, json } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

describe("an expired session", () => {
  it("sends the user to sign in, keeping the page they were on, when the refresh fails", async () => {
    const api = createFakeApi();
    // signed in at first; the session ends (and cannot be refreshed) right after
    api.on("GET /api/me", (_call, state) => {
      state.accessExpired = true;
      state.refreshValid = false;
      return json(state.me);
    });
    const { router } = renderApp("/?region=ITI1", api);

    await screen.findByRole("heading", { name: "Sign in to the TEX4IM platform" });
    expect(router.state.location.pathname).toBe("/login");
    expect(new URLSearchParams(router.state.location.search).get("next")).toBe("/?region=ITI1");
    await waitFor(() => expect(api.callsTo("POST", "/api/auth/refresh").length).toBeGreaterThanOrEqual(1));
  });
});
