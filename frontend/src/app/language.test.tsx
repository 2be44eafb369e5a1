import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { LANGUAGE_STORAGE_KEY } from "@/lib/i18n";
import { createFakeApi } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

describe("switching the language", () => {
  it("translates the page to Italian and saves the choice to the user's profile", async () => {
    const { user, api } = renderApp("/");
    await screen.findByRole("heading", { level: 1, name: "TEX4IM partnership" });
    await screen.findByRole("list", { name: "Regions" });

    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "it");

    expect(await screen.findByRole("heading", { level: 1, name: "Partenariato TEX4IM" })).toBeInTheDocument();
    const list = screen.getByRole("list", { name: "Regioni" });
    const items = within(list).getAllByRole("listitem");
    const country = (code: string) => items.find((item) => item.dataset.regionCode === code)?.textContent;
    expect(country("ITI1")).toContain("Italia");
    expect(country("ES52")).toContain("Spagna");
    expect(country("SE23")).toContain("Svezia");
    expect(within(list).getByText("Coordinatore")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Lingua" })).toHaveValue("it");
    expect(screen.getByRole("navigation", { name: "Navigazione principale" })).toHaveTextContent("Partenariato");
    expect(screen.getByRole("heading", { name: "Priorità tematiche" })).toBeInTheDocument();
    expect(await screen.findByText("Economia circolare")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Toscana (ITI1), Italia" })).toBeInTheDocument();

    expect(document.documentElement.lang).toBe("it");
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe("it");

    await waitFor(() => expect(api.callsTo("PATCH", "/api/me")).toHaveLength(1));
    const [patch] = api.callsTo("PATCH", "/api/me");
    expect(patch?.body).toEqual({ locale: "it" });
    expect(patch?.headers.get("X-CSRF-Token")).toBe("csrf-initial");
  });

  it("works before sign-in without touching the profile", async () => {
    const { user, api } = renderApp("/login", createFakeApi({ accessExpired: true, refreshValid: false }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Language" }), "it");

    expect(await screen.findByRole("heading", { name: "Accedi alla piattaforma TEX4IM" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Accedi" })).toBeInTheDocument();
    expect(api.callsTo("PATCH", "/api/me")).toHaveLength(0);
  });
});
