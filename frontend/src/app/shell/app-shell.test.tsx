import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { navigationFor } from "@/app/navigation";
import { ME } from "@/testing/data";
import { renderApp } from "@/testing/render-app";

describe("the app shell", () => {
  it("shows the user's memberships as readable badges with region names", async () => {
    const { user } = renderApp("/");

    const menuButton = await screen.findByRole("button", { name: "Account menu for Giulia Demo" });
    expect(menuButton).toHaveAttribute("aria-expanded", "false");
    await user.click(menuButton);
    expect(menuButton).toHaveAttribute("aria-expanded", "true");

    const roles = await screen.findByRole("list", { name: "Your roles" });
    await waitFor(() =>
      expect(within(roles).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
        "Cluster manager · Toscana",
        "Evaluator · Piemonte",
        "Consortium administrator",
      ]),
    );
  });

  it("links only the features that are built, in one menu per area", async () => {
    const { user } = renderApp("/");
    const navigation = await screen.findByRole("navigation", { name: "Main navigation" });
    const menus = within(navigation).getAllByRole("button");
    expect(menus.map((button) => button.textContent)).toEqual(["Partnership", "Opportunities", "Proposals", "Admin"]);

    const hrefs: (string | null)[] = [];
    for (const menu of menus) {
      await user.click(menu);
      const list = within(navigation).getByRole("list", { name: menu.textContent ?? "" });
      hrefs.push(...within(list).getAllByRole("link").map((link) => link.getAttribute("href")));
    }
    // the demo user is a manager, an evaluator and the admin: every link of the navigation table
    expect(hrefs).toEqual(navigationFor(ME.memberships).map((item) => item.to));

    await user.click(within(navigation).getByRole("button", { name: "Opportunities" }));
    expect(within(navigation).getByRole("link", { name: "Organisations" })).toHaveAttribute("href", "/organisations");
  });

  it("has a skip link to the main landmark", async () => {
    renderApp("/");
    await screen.findByRole("banner");
    expect(screen.getByRole("link", { name: "Skip to main content" })).toHaveAttribute("href", "#main");
    expect(screen.getByRole("main")).toHaveAttribute("id", "main");
    expect(screen.getByRole("contentinfo")).toBeInTheDocument();
  });

  it("signs out with the CSRF token and returns to the login page", async () => {
    const { user, api, router } = renderApp("/");
    await user.click(await screen.findByRole("button", { name: "Account menu for Giulia Demo" }));
    await user.click(screen.getByRole("button", { name: "Sign out" }));

    await screen.findByRole("heading", { name: "Sign in to the TEX4IM platform" });
    expect(router.state.location.pathname).toBe("/login");
    const [logout] = api.callsTo("POST", "/api/auth/logout");
    expect(logout?.headers.get("X-CSRF-Token")).toBe("csrf-initial");
  });
});
