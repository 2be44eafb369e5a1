import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { organisationSearchResult, REGISTRY_IDS } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const SEARCH = "/api/intelligence/search/organisations";

function lastSearch(api: ReturnType<typeof createFakeApi>): URLSearchParams {
  const calls = api.callsTo("GET", SEARCH);
  return new URLSearchParams(calls.at(-1)?.search ?? "");
}

describe("the organisation search", () => {
  it("lists the organisations with kind, place, priorities and a badge on partnership-only records", async () => {
    renderApp("/organisations");
    const results = await screen.findByRole("list", { name: "Search results" });
    expect(await screen.findByText("3 organisations found")).toHaveAttribute("aria-live", "polite");

    const lanificio = results.querySelector(`[data-organisation-id="${REGISTRY_IDS.lanificio}"]`)!;
    expect(within(lanificio as HTMLElement).getByRole("link", { name: "Lanificio Demo Prato" })).toHaveAttribute(
      "href",
      `/organisations/${REGISTRY_IDS.lanificio}`,
    );
    expect(lanificio).toHaveTextContent("Company");
    expect(lanificio).toHaveTextContent("Prato, Toscana, Italy");
    expect(lanificio).toHaveTextContent("Circular economy");
    expect(lanificio).not.toHaveTextContent("Partnership only");

    const fibreLab = results.querySelector(`[data-organisation-id="${REGISTRY_IDS.fibreLab}"]`)!;
    expect(fibreLab).toHaveTextContent("R&D centre");
    expect(fibreLab).toHaveTextContent("Partnership only");
  });

  it("puts a ticked facet in the address and the query, and unticks it again", async () => {
    const { user, router, api } = renderApp("/organisations");
    const regions = await screen.findByRole("group", { name: "Region" });
    await waitFor(() => expect(within(regions).getAllByRole("checkbox")).toHaveLength(3));
    expect(within(regions).getByRole("checkbox", { name: "Toscana (1)" })).not.toBeChecked();

    await user.click(within(regions).getByRole("checkbox", { name: "Toscana (1)" }));
    expect(router.state.location.search).toBe("?region=ITI1");
    await screen.findByText("1 organisation found");
    expect(lastSearch(api).getAll("region")).toEqual(["ITI1"]);
    expect(within(screen.getByRole("list", { name: "Search results" })).getAllByRole("link")).toHaveLength(1);
    // disjunctive: the other regions still count, so a second one can be added
    expect(within(regions).getByRole("checkbox", { name: "Toscana (1)" })).toBeChecked();
    await user.click(within(regions).getByRole("checkbox", { name: "Norte (1)" }));
    expect(new URLSearchParams(router.state.location.search).getAll("region")).toEqual(["ITI1", "PT11"]);
    await screen.findByText("2 organisations found");
    expect(lastSearch(api).getAll("region")).toEqual(["ITI1", "PT11"]);

    const kinds = screen.getByRole("group", { name: "Kind" });
    await user.click(within(kinds).getByRole("checkbox", { name: /^R&D centre/ }));
    await screen.findByText("1 organisation found");
    expect(lastSearch(api).getAll("kind")).toEqual(["rnd_centre"]);
    expect(router.state.location.search).toBe("?region=ITI1&region=PT11&kind=rnd_centre");

    await user.click(within(regions).getByRole("checkbox", { name: /^Toscana/ }));
    expect(router.state.location.search).toBe("?region=PT11&kind=rnd_centre");
    await user.click(screen.getAllByRole("button", { name: "Clear all filters" })[0]!);
    expect(router.state.location.search).toBe("");
    await screen.findByText("3 organisations found");
  });

  it("names NACE divisions and reads the filters from the address", async () => {
    const { api } = renderApp("/organisations?nace=C13&q=demo");
    const nace = await screen.findByRole("group", { name: "NACE division" });
    expect(await within(nace).findByRole("checkbox", { name: "C13 · Manufacture of textiles (2)" })).toBeChecked();
    expect(within(nace).getByRole("checkbox", { name: "C14 · Manufacture of wearing apparel (1)" })).not.toBeChecked();
    expect(screen.getByRole("searchbox", { name: "Search organisations" })).toHaveValue("demo");
    expect(lastSearch(api).get("q")).toBe("demo");
    expect(lastSearch(api).getAll("nace")).toEqual(["C13"]);
  });

  it("searches for the words typed", async () => {
    const { user, router, api } = renderApp("/organisations");
    const box = await screen.findByRole("searchbox", { name: "Search organisations" });
    await user.type(box, "biella{Enter}");
    expect(router.state.location.search).toBe("?q=biella");
    await screen.findByText("1 organisation found");
    expect(lastSearch(api).get("q")).toBe("biella");
    expect(box).toHaveFocus();
    expect(box).toHaveValue("biella");
  });

  it("loads the next page with the cursor and appends it", async () => {
    const api = createFakeApi();
    api.on(`GET ${SEARCH}`, (call) => {
      const query = new URLSearchParams(call.search);
      const all = organisationSearchResult(new URLSearchParams());
      if (query.get("cursor") === "page-2") return json({ ...all, items: all.items.slice(2), next_cursor: null });
      return json({ ...all, items: all.items.slice(0, 2), next_cursor: "page-2" });
    });
    const { user } = renderApp("/organisations", api);
    const results = await screen.findByRole("list", { name: "Search results" });
    await waitFor(() => expect(within(results).getAllByRole("link")).toHaveLength(2));
    expect(screen.getByText("Showing 2 of 3")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(within(results).getAllByRole("link")).toHaveLength(3));
    expect(lastSearch(api).get("cursor")).toBe("page-2");
    expect(screen.queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();
    expect(screen.getByText("Showing 3 of 3")).toBeInTheDocument();
  });

  it("says what to do when nothing matches, and shows a problem's detail", async () => {
    const empty = renderApp("/organisations?q=nothing-like-this");
    expect(await screen.findByText(/No organisation matches this search/)).toBeInTheDocument();
    expect(screen.getByText("0 organisations found")).toBeInTheDocument();
    empty.unmount();

    const failing = createFakeApi();
    failing.on(`GET ${SEARCH}`, () => problem(422, "Invalid input", "region: String should match pattern."));
    renderApp("/organisations?region=nowhere", failing);
    expect(await screen.findByRole("alert")).toHaveTextContent("region: String should match pattern.");
  });
});
