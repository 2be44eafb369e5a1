import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ME } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

function signedOutApi() {
  return createFakeApi({ accessExpired: true, refreshValid: false });
}

describe("signing in", () => {
  it("shows the problem detail in an alert when the credentials are wrong", async () => {
    const api = signedOutApi();
    api.on("POST /api/auth/login", () =>
      problem(401, "Authentication required", "The email or password is not correct."),
    );
    const { user } = renderApp("/login", api);

    await user.type(await screen.findByLabelText("Email"), "someone@example.eu");
    await user.type(screen.getByLabelText("Password"), "wrong password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByText("The email or password is not correct.")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("The email or password is not correct.");
    expect(screen.getByRole("heading", { name: "Sign in to the TEX4IM platform" })).toBeInTheDocument();
    // a failed login is not a reason to refresh a session
    expect(api.callsTo("POST", "/api/auth/refresh").length).toBeLessThanOrEqual(1);
    const [login] = api.callsTo("POST", "/api/auth/login");
    expect(login?.body).toEqual({ email: "someone@example.eu", password: "wrong password" });
    expect(login?.headers.has("X-CSRF-Token")).toBe(false);
  });

  it("shows field errors next to the fields", async () => {
    const api = signedOutApi();
    api.on("POST /api/auth/login", () =>
      problem(422, "Invalid input", "Some fields are not valid.", {
        errors: [{ field: "body.password", message: "Field required", code: "missing" }],
      }),
    );
    const { user } = renderApp("/login", api);

    await user.type(await screen.findByLabelText("Email"), "someone@example.eu");
    await user.type(screen.getByLabelText("Password"), " ");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    const password = screen.getByLabelText("Password");
    await waitFor(() => expect(password).toHaveAttribute("aria-invalid", "true"));
    expect(password).toHaveAccessibleDescription("Field required");
    expect(screen.getByRole("alert")).toHaveTextContent("Some fields are not valid.");
  });

  it("has labelled fields with autocomplete hints and a language switcher", async () => {
    renderApp("/login", signedOutApi());
    expect(await screen.findByLabelText("Email")).toHaveAttribute("autocomplete", "username");
    expect(screen.getByLabelText("Password")).toHaveAttribute("autocomplete", "current-password");
    expect(screen.getByRole("combobox", { name: "Language" })).toHaveValue("en");
  });

  it("sends a signed-out visitor to /login and back to the page they wanted, in their saved language", async () => {
    const api = signedOutApi();
    api.state.me = { ...ME, locale: "it" };
    const { user, router } = renderApp("/?region=ITI1", api);

    await screen.findByRole("heading", { name: "Sign in to the TEX4IM platform" });
    expect(router.state.location.pathname).toBe("/login");
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent("/?region=ITI1")}`);

    await user.type(screen.getByLabelText("Email"), ME.email);
    await user.type(screen.getByLabelText("Password"), "demo password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Partenariato TEX4IM" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/");
    expect(router.state.location.search).toBe("?region=ITI1");
    expect(document.documentElement.lang).toBe("it");
  });

  it("does not follow a next parameter to another site", async () => {
    const api = signedOutApi();
    api.on("POST /api/auth/login", (_call, state) => {
      state.accessExpired = false;
      return json(state.me);
    });
    const { user, router } = renderApp("/login?next=//evil.example", api);

    await user.type(await screen.findByLabelText("Email"), ME.email);
    await user.type(screen.getByLabelText("Password"), "demo password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    await screen.findByRole("heading", { level: 1, name: "TEX4IM partnership" });
    expect(router.state.location.pathname).toBe("/");
  });
});
