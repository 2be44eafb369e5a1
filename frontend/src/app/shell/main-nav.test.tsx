import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { ME } from "@/testing/data";
import { createFakeApi } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

async function mainNavigation() {
  return screen.findByRole("navigation", { name: "Main navigation" });
}

/** A phone-sized window: the navigation's media query matches. */
function narrowScreen() {
  vi.stubGlobal("matchMedia", (media: string) => ({
    matches: true,
    media,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  }));
}

describe("the main navigation on a wide screen", () => {
  it("shows one closed menu per area and marks the area of the page being shown", async () => {
    const { user } = renderApp("/");
    const navigation = await mainNavigation();
    const partnership = within(navigation).getByRole("button", { name: "Partnership" });
    expect(partnership).toHaveAttribute("aria-expanded", "false");
    expect(within(navigation).queryAllByRole("link")).toEqual([]);
    expect(partnership.closest("li")).toHaveAttribute("data-current", "true");
    expect(within(navigation).getByRole("button", { name: "Proposals" }).closest("li")).not.toHaveAttribute(
      "data-current",
    );

    await user.click(partnership);
    expect(partnership).toHaveAttribute("aria-expanded", "true");
    const menu = within(navigation).getByRole("list", { name: "Partnership" });
    expect(partnership).toHaveAttribute("aria-controls", menu.id);
    expect(within(menu).getByRole("link", { name: "Partnership" })).toHaveAttribute("aria-current", "page");
    expect(within(menu).getByRole("link", { name: "Scorecard" })).not.toHaveAttribute("aria-current");
  });

  it("marks the section, not the page, on a page below a link", async () => {
    const { user } = renderApp("/regions/ITI1");
    const navigation = await mainNavigation();
    await user.click(within(navigation).getByRole("button", { name: "Partnership" }));
    expect(within(navigation).getByRole("link", { name: "Partnership" })).toHaveAttribute("aria-current", "true");
  });

  it("follows a link, closes the menu and marks the new area", async () => {
    const { user, router } = renderApp("/");
    const navigation = await mainNavigation();
    const opportunities = within(navigation).getByRole("button", { name: "Opportunities" });
    await user.click(opportunities);
    await user.click(within(navigation).getByRole("link", { name: "Organisations" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/organisations"));
    expect(opportunities).toHaveAttribute("aria-expanded", "false");
    expect(within(navigation).queryByRole("list", { name: "Opportunities" })).not.toBeInTheDocument();
    expect(opportunities.closest("li")).toHaveAttribute("data-current", "true");
  });

  it("keeps one menu open at a time", async () => {
    const { user } = renderApp("/");
    const navigation = await mainNavigation();
    const proposals = within(navigation).getByRole("button", { name: "Proposals" });
    const admin = within(navigation).getByRole("button", { name: "Admin" });
    await user.click(proposals);
    await user.click(admin);
    expect(proposals).toHaveAttribute("aria-expanded", "false");
    expect(admin).toHaveAttribute("aria-expanded", "true");
    await user.click(admin);
    expect(admin).toHaveAttribute("aria-expanded", "false");
  });

  it("closes on Escape and gives the focus back to the menu's button", async () => {
    const { user } = renderApp("/");
    const navigation = await mainNavigation();
    const proposals = within(navigation).getByRole("button", { name: "Proposals" });
    await user.click(proposals);
    await user.tab();
    expect(within(navigation).getByRole("link", { name: "Proposals" })).toHaveFocus();

    await user.keyboard("{Escape}");
    expect(proposals).toHaveAttribute("aria-expanded", "false");
    expect(proposals).toHaveFocus();
  });

  it("is usable with the arrow keys", async () => {
    const { user } = renderApp("/");
    const navigation = await mainNavigation();
    const proposals = within(navigation).getByRole("button", { name: "Proposals" });
    proposals.focus();

    await user.keyboard("{ArrowDown}");
    expect(proposals).toHaveAttribute("aria-expanded", "true");
    const menu = within(navigation).getByRole("list", { name: "Proposals" });
    expect(within(menu).getByRole("link", { name: "Proposals" })).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(within(menu).getByRole("link", { name: "Calls" })).toHaveFocus();
    await user.keyboard("{End}");
    expect(within(menu).getByRole("link", { name: "Evaluation" })).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(within(menu).getByRole("link", { name: "Proposals" })).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(within(menu).getByRole("link", { name: "Evaluation" })).toHaveFocus();
  });

  it("closes when the focus or a click leaves it", async () => {
    const { user } = renderApp("/");
    const navigation = await mainNavigation();
    const partnership = within(navigation).getByRole("button", { name: "Partnership" });
    await user.click(partnership);
    await user.tab(); // Partnership
    await user.tab(); // Scorecard
    await user.tab(); // on to the next area's button
    expect(within(navigation).getByRole("button", { name: "Opportunities" })).toHaveFocus();
    expect(partnership).toHaveAttribute("aria-expanded", "false");

    const admin = within(navigation).getByRole("button", { name: "Admin" });
    await user.click(admin);
    await user.tab(); // Evaluators
    await user.tab(); // Mail log
    await user.tab(); // out of the navigation: the language
    expect(screen.getByRole("combobox", { name: "Language" })).toHaveFocus();
    expect(admin).toHaveAttribute("aria-expanded", "false");

    await user.click(admin);
    await user.click(screen.getByRole("main"));
    expect(admin).toHaveAttribute("aria-expanded", "false");
  });

  it("shows a member no admin menu and no manager pages", async () => {
    const member = { ...ME, memberships: [{ role: "member" as const, region: "PT11", organisation_id: null }] };
    const { user } = renderApp("/", createFakeApi({ me: member }));
    const navigation = await mainNavigation();
    expect(within(navigation).getAllByRole("button").map((button) => button.textContent)).toEqual([
      "Partnership",
      "Opportunities",
      "Proposals",
    ]);
    await user.click(within(navigation).getByRole("button", { name: "Opportunities" }));
    expect(within(navigation).getAllByRole("link").map((link) => link.textContent)).toEqual([
      "Opportunity map",
      "Organisations",
    ]);
  });
});

describe("the main navigation on a narrow screen", () => {
  it("folds every area into one Menu button that shows them stacked", async () => {
    narrowScreen();
    const { user, router } = renderApp("/");
    const navigation = await mainNavigation();
    const menu = within(navigation).getByRole("button", { name: "Menu" });
    expect(within(navigation).getAllByRole("button")).toEqual([menu]);
    expect(menu).toHaveAttribute("aria-expanded", "false");
    expect(within(navigation).queryAllByRole("link")).toEqual([]);

    await user.click(menu);
    expect(menu).toHaveAttribute("aria-expanded", "true");
    for (const area of ["Partnership", "Opportunities", "Proposals", "Admin"]) {
      expect(within(navigation).getByRole("list", { name: area })).toBeVisible();
    }
    expect(within(navigation).getByRole("link", { name: "Partnership" })).toHaveAttribute("aria-current", "page");

    await user.click(within(navigation).getByRole("link", { name: "Calls" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/calls"));
    expect(menu).toHaveAttribute("aria-expanded", "false");
  });

  it("closes on Escape and gives the focus back to the Menu button", async () => {
    narrowScreen();
    const { user } = renderApp("/");
    const menu = within(await mainNavigation()).getByRole("button", { name: "Menu" });
    await user.click(menu);
    await user.tab();
    await user.keyboard("{Escape}");
    expect(menu).toHaveAttribute("aria-expanded", "false");
    expect(menu).toHaveFocus();
  });
});
