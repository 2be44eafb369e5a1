import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ME, REGISTRY_IDS, registryOrganisation } from "@/testing/data";
import { createFakeApi, json, problem, withHeaders } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const LANIFICIO = `/api/intelligence/organisations/${REGISTRY_IDS.lanificio}`;

/** A member of a Portuguese organisation: may see profiles, may edit none of these. */
const MEMBER = { ...ME, memberships: [{ role: "member" as const, region: "PT11", organisation_id: "other-org" }] };

describe("an organisation's profile", () => {
  it("shows the public fields, NACE divisions by name and the value chain with its steps highlighted", async () => {
    const { container } = renderApp(`/organisations/${REGISTRY_IDS.lanificio}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Lanificio Demo Prato" })).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Toscana (ITI1)" })).toHaveAttribute("href", "/regions/ITI1");
    expect(await screen.findByRole("link", { name: "Tuscany Fashion Cluster" })).toHaveAttribute(
      "href",
      `/clusters/${REGISTRY_IDS.toscanaCluster}`,
    );
    expect(screen.getByText("IT01234567890")).toBeInTheDocument();
    expect(screen.getByText("Small (10–49 people)")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "lanificio.example.com" })).toHaveAttribute(
      "href",
      "https://lanificio.example.com",
    );

    const nace = screen.getByRole("list", { name: "NACE codes" });
    expect(within(nace).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "C13.10Manufacture of textiles",
      "C13.20Manufacture of textiles",
      "C14.13Manufacture of wearing apparel",
    ]);

    const chain = screen.getByRole("list", { name: "Value chain" });
    const steps = within(chain).getAllByRole("listitem");
    expect(steps.map((step) => step.dataset.step)).toEqual([
      "fibre",
      "yarn",
      "fabric",
      "finishing",
      "garment",
      "retail",
      "recycling",
    ]);
    expect(steps.filter((step) => step.dataset.active === "true").map((step) => step.dataset.step)).toEqual([
      "yarn",
      "fabric",
      "recycling",
    ]);
    expect(container.querySelector('[data-step="yarn"]')).toHaveTextContent("Yarn (one of its steps)");
  });

  it("shows the contacts when the API sends them, and no contacts section when it sends null", async () => {
    const withContacts = renderApp(`/organisations/${REGISTRY_IDS.lanificio}`);
    const contacts = await screen.findByRole("region", { name: "Contacts" });
    expect(contacts).toHaveTextContent("Anna Rossi");
    expect(within(contacts).getByRole("link", { name: "anna.rossi@lanificio.example.com" })).toHaveAttribute(
      "href",
      "mailto:anna.rossi@lanificio.example.com",
    );
    withContacts.unmount();

    renderApp(`/organisations/${REGISTRY_IDS.fibreLab}`);
    await screen.findByRole("heading", { level: 1, name: "Fibre Lab Norte" });
    expect(screen.getByText("Partnership only")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Contacts" })).not.toBeInTheDocument();
  });

  it("offers editing only to those who may edit", async () => {
    const outsider = renderApp(`/organisations/${REGISTRY_IDS.lanificio}`, createFakeApi({ me: MEMBER }));
    await screen.findByRole("heading", { level: 1, name: "Lanificio Demo Prato" });
    expect(screen.queryByRole("button", { name: "Edit profile" })).not.toBeInTheDocument();
    outsider.unmount();

    // its own people may edit the profile, but not who may see it
    const ownMember = {
      ...ME,
      memberships: [{ role: "member" as const, region: "ITI1", organisation_id: REGISTRY_IDS.lanificio }],
    };
    const { user } = renderApp(`/organisations/${REGISTRY_IDS.lanificio}`, createFakeApi({ me: ownMember }));
    await user.click(await screen.findByRole("button", { name: "Edit profile" }));
    expect(screen.getByRole("group", { name: "Value chain" })).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: "Who may see it" })).not.toBeInTheDocument();
  });

  it("saves only the changes with If-Match and shows the saved profile", async () => {
    const api = createFakeApi();
    api.on(`PATCH ${LANIFICIO}`, (call) =>
      withHeaders(json({ ...registryOrganisation(REGISTRY_IDS.lanificio), ...(call.body as object), version: 4 }), {
        ETag: '"4"',
      }),
    );
    const { user } = renderApp(`/organisations/${REGISTRY_IDS.lanificio}`, api);
    await user.click(await screen.findByRole("button", { name: "Edit profile" }));
    const form = screen.getByRole("form", { name: "Edit Lanificio Demo Prato" });
    const city = within(form).getByLabelText("City");
    await user.clear(city);
    await user.type(city, "Montemurlo");
    await user.click(within(form).getByRole("checkbox", { name: "Finishing" }));
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    expect(await screen.findByText("Changes saved.")).toBeInTheDocument();
    const [patch] = api.callsTo("PATCH", LANIFICIO);
    expect(patch?.headers.get("If-Match")).toBe('"3"');
    expect(patch?.body).toEqual({ city: "Montemurlo", value_chain: ["yarn", "fabric", "finishing", "recycling"] });
    expect(screen.getByText("Montemurlo")).toBeInTheDocument();
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
  });

  it("shows the 412 problem when someone else changed it, and rebuilds the form from the reloaded version", async () => {
    const api = createFakeApi();
    let version = 3;
    api.on(`GET ${LANIFICIO}`, () =>
      withHeaders(json({ ...registryOrganisation(REGISTRY_IDS.lanificio), city: version > 3 ? "Vaiano" : "Prato", version }), {
        ETag: `"${version}"`,
      }),
    );
    api.on(`PATCH ${LANIFICIO}`, () => {
      version = 4; // someone else saved first
      return problem(
        412,
        "Precondition failed",
        "The record has changed since you read it (it is now version 4). Reload it and try again.",
      );
    });
    const { user } = renderApp(`/organisations/${REGISTRY_IDS.lanificio}`, api);
    await user.click(await screen.findByRole("button", { name: "Edit profile" }));
    await user.type(screen.getByLabelText("Name"), " S.p.A.");
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Someone else changed this organisation");
    expect(alert).toHaveTextContent("The record has changed since you read it (it is now version 4).");
    expect(api.callsTo("PATCH", LANIFICIO)[0]?.headers.get("If-Match")).toBe('"3"');

    await user.click(within(alert).getByRole("button", { name: "Reload the current version" }));
    await waitFor(() => expect(screen.getByLabelText("City")).toHaveValue("Vaiano"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveValue("Lanificio Demo Prato");

    api.on(`PATCH ${LANIFICIO}`, (call) =>
      withHeaders(json({ ...registryOrganisation(REGISTRY_IDS.lanificio), ...(call.body as object), version: 5 }), {
        ETag: '"5"',
      }),
    );
    await user.type(screen.getByLabelText("Name"), " S.p.A.");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByText("Changes saved.");
    expect(api.callsTo("PATCH", LANIFICIO)[1]?.headers.get("If-Match")).toBe('"4"');
  });

  it("puts a 422's field problems next to the fields", async () => {
    const api = createFakeApi();
    api.on(`PATCH ${LANIFICIO}`, () =>
      problem(422, "Invalid input", "Some fields are not valid.", {
        errors: [{ field: "body.website", message: "must be an http(s) URL, e.g. https://example.com", code: "url_scheme" }],
      }),
    );
    const { user } = renderApp(`/organisations/${REGISTRY_IDS.lanificio}`, api);
    await user.click(await screen.findByRole("button", { name: "Edit profile" }));
    const website = screen.getByLabelText("Website");
    await user.clear(website);
    await user.type(website, "lanificio.example.com");
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(website).toHaveAttribute("aria-invalid", "true"));
    expect(website).toHaveAccessibleDescription(/must be an http\(s\) URL/);
    expect(screen.getByRole("alert")).toHaveTextContent("Some fields are not valid.");
  });

  it("lists the opportunities that fit with the reasons in words and the mismatches apart", async () => {
    renderApp(`/organisations/${REGISTRY_IDS.lanificio}`);
    const section = await screen.findByRole("region", { name: "Opportunities that fit" });
    const match = (await within(section).findAllByRole("listitem"))[0]!.closest("[data-opportunity-id]") as HTMLElement;
    expect(within(match).getByRole("link", { name: "Recycled wool blends for upholstery" })).toHaveAttribute(
      "href",
      `/opportunities/${REGISTRY_IDS.opportunity}`,
    );
    expect(match).toHaveTextContent("82% fit");

    const reasons = within(match).getByRole("list", { name: "Why it fits" });
    expect(within(reasons).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Shared priorities: Circular economy and Advanced materials",
      "Same NACE division: C13 (Manufacture of textiles)",
      "Next to it in the value chain: Fabric → Finishing",
      "In its region, Toscana",
      "Interregional: with Norte",
      "40 days left (deadline Dec 31, 2026)",
      "A reason the SPA does not know yet.",
    ]);
    const mismatches = within(match).getByRole("list", { name: "What does not fit" });
    expect(mismatches).toHaveClass("match__mismatches");
    expect(mismatches).toHaveTextContent("The request's words do not appear in its capabilities");
  });

  it("reads the reasons in Italian too", async () => {
    const api = createFakeApi({ me: { ...ME, locale: "it" } });
    const { user } = renderApp(`/organisations/${REGISTRY_IDS.lanificio}`, api);
    await user.selectOptions(await screen.findByRole("combobox", { name: "Language" }), "it");
    const section = await screen.findByRole("region", { name: "Opportunità adatte" });
    expect(await within(section).findByText("Priorità in comune: Economia circolare e Materiali avanzati")).toBeInTheDocument();
    expect(within(section).getByText("Stessa divisione NACE: C13 (Industrie tessili)")).toBeInTheDocument();
  });

  it("points a merged record at the record kept", async () => {
    renderApp(`/organisations/${REGISTRY_IDS.merged}`);
    await screen.findByRole("heading", { level: 1, name: "Lanificio Demo Prato S.r.l." });
    const note = screen.getByRole("note");
    expect(note).toHaveTextContent("This record was merged into");
    expect(await within(note).findByRole("link", { name: "Lanificio Demo Prato" })).toHaveAttribute(
      "href",
      `/organisations/${REGISTRY_IDS.lanificio}`,
    );
    expect(screen.queryByRole("button", { name: "Edit profile" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Opportunities that fit" })).not.toBeInTheDocument();
  });

  it("shows the problem detail for an organisation that does not exist", async () => {
    renderApp("/organisations/7a000000-0000-4000-8000-0000000000ff");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The fake API has no route for GET /api/intelligence/organisations/7a000000-0000-4000-8000-0000000000ff.",
    );
    expect(screen.getByRole("link", { name: "← All organisations" })).toHaveAttribute("href", "/organisations");
  });
});
