import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { MAP_POINTS, OPPORTUNITY_IDS, REGIONS } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const scrollIntoView = vi.fn();

beforeEach(() => {
  // jsdom does not lay out; record the calls instead
  Element.prototype.scrollIntoView = scrollIntoView;
});

afterEach(() => {
  scrollIntoView.mockReset();
});

const marker = (container: HTMLElement, id: string) => container.querySelector(`g[data-point-id="${id}"]`);
const resultList = () => screen.findByRole("list", { name: "Opportunities" });

describe("the opportunity map's filters", () => {
  it("keeps the filters in the address, shows the matching results, and the back button undoes a filter", async () => {
    const { user, router } = renderApp("/map");
    expect(await screen.findByRole("heading", { level: 1, name: "Opportunity map" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("result-count")).toHaveTextContent("3 opportunities found"));

    await user.click(screen.getByRole("checkbox", { name: "Circular economy" }));
    await waitFor(() => expect(screen.getByTestId("result-count")).toHaveTextContent("2 opportunities found"));
    expect(router.state.location.search).toBe("?priority=circular_economy");

    await user.click(screen.getByRole("checkbox", { name: /Norte/ }));
    await waitFor(() => expect(screen.getByTestId("result-count")).toHaveTextContent("1 opportunity found"));
    expect(router.state.location.search).toBe("?priority=circular_economy&region=PT11");
    const items = within(await resultList()).getAllByRole("listitem").filter((item) => item.dataset.opportunityId);
    expect(items.map((item) => item.dataset.opportunityId)).toEqual([OPPORTUNITY_IDS.yarn]);

    await act(() => router.navigate(-1));
    await waitFor(() => expect(screen.getByTestId("result-count")).toHaveTextContent("2 opportunities found"));
    expect(screen.getByRole("checkbox", { name: /Norte/ })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Circular economy" })).toBeChecked();
  });

  it("opens with the filters of a shared address and searches with them", async () => {
    const { api } = renderApp("/map?q=yarn&kind=business_cooperation");
    await waitFor(() => expect(screen.getByTestId("result-count")).toHaveTextContent("1 opportunity found"));
    expect(screen.getByRole("searchbox", { name: "Search opportunities" })).toHaveValue("yarn");
    expect(screen.getByRole("checkbox", { name: "Business cooperation" })).toBeChecked();
    const search = api.callsTo("GET", "/api/intelligence/search/opportunities").at(-1);
    expect(new URLSearchParams(search?.search).getAll("kind")).toEqual(["business_cooperation"]);
    expect(new URLSearchParams(search?.search).get("q")).toBe("yarn");
  });

  it("searches for words when the search is submitted", async () => {
    const { user, router } = renderApp("/map");
    await waitFor(() => expect(screen.getByTestId("result-count")).toHaveTextContent("3 opportunities found"));
    await user.type(screen.getByRole("searchbox", { name: "Search opportunities" }), "sensors{Enter}");
    await waitFor(() => expect(screen.getByTestId("result-count")).toHaveTextContent("1 opportunity found"));
    expect(router.state.location.search).toBe("?q=sensors");
  });

  it("shows next to each option how many results it would give (disjunctive counts)", async () => {
    renderApp("/map?priority=circular_economy");
    await waitFor(() => expect(screen.getByTestId("result-count")).toHaveTextContent("2 opportunities found"));
    // other priorities still count as alternatives to the chosen one
    expect(screen.getByRole("checkbox", { name: "Advanced materials" })).toHaveAccessibleDescription("1 result");
    expect(screen.getByRole("checkbox", { name: "Circular economy" })).toHaveAccessibleDescription("2 results");
    expect(screen.getByRole("checkbox", { name: /Norte/ })).toHaveAccessibleDescription("1 result");
    expect(screen.getByRole("checkbox", { name: /Västsverige/ })).toHaveAccessibleDescription("0 results");
    expect(screen.getByRole("checkbox", { name: "Creativity" })).toHaveAccessibleDescription("0 results");
  });

  it("lists the five priorities, the eight regions and the two layers", async () => {
    renderApp("/map");
    const priorities = await screen.findByRole("group", { name: "Thematic priority" });
    expect(within(priorities).getAllByRole("checkbox")).toHaveLength(5);
    const regions = screen.getByRole("group", { name: "Region" });
    expect(within(regions).getAllByRole("checkbox").map((box) => (box as HTMLInputElement).value)).toEqual(
      REGIONS.map((region) => region.code),
    );
    const layers = screen.getByRole("group", { name: "Map layers" });
    expect(within(layers).getByRole("checkbox", { name: "Opportunities" })).toBeChecked();
    expect(within(layers).getByRole("checkbox", { name: "Organisations" })).not.toBeChecked();
  });

  it("shows the problem's detail when the search fails", async () => {
    const api = createFakeApi();
    api.on("GET /api/intelligence/search/opportunities", () =>
      problem(503, "Service unavailable", "The intelligence service is not answering."),
    );
    renderApp("/map", api);
    expect(await screen.findByRole("alert")).toHaveTextContent("The intelligence service is not answering.");
  });

  it("says what to do when nothing matches", async () => {
    renderApp("/map?q=nothing-like-this");
    expect(await screen.findByText(/No opportunity matches these filters/)).toBeInTheDocument();
    expect(screen.getByTestId("result-count")).toHaveTextContent("0 opportunities found");
  });
});

describe("the list and the map in step", () => {
  it("highlights an opportunity's point on the map when it is chosen in the list, and puts it in the address", async () => {
    const { user, router, container } = renderApp("/map");
    const list = await resultList();
    const yarn = within(list)
      .getAllByRole("listitem")
      .find((item) => item.dataset.opportunityId === OPPORTUNITY_IDS.yarn)!;
    await waitFor(() => expect(marker(container, OPPORTUNITY_IDS.yarn)).not.toBeNull());
    expect(marker(container, OPPORTUNITY_IDS.yarn)).toHaveAttribute("aria-pressed", "false");

    await user.click(within(yarn).getByRole("button", { name: /Show on map/ }));
    expect(router.state.location.search).toBe(`?selected=${OPPORTUNITY_IDS.yarn}`);
    await waitFor(() => expect(marker(container, OPPORTUNITY_IDS.yarn)).toHaveAttribute("aria-pressed", "true"));
    expect(marker(container, OPPORTUNITY_IDS.yarn)).toHaveClass("map-point--selected");
    expect(within(yarn).getByRole("button", { name: /Show on map/ })).toHaveAttribute("aria-pressed", "true");
    expect(yarn).toHaveAttribute("aria-current", "true");
  });

  it("highlights and scrolls to the list item when its point is chosen on the map", async () => {
    const { user, router, container } = renderApp("/map");
    await resultList();
    await waitFor(() => expect(marker(container, OPPORTUNITY_IDS.sensors)).not.toBeNull());
    scrollIntoView.mockClear();

    await user.click(screen.getByRole("button", { name: "Smart textile sensors for workwear (Opportunity)" }));
    expect(router.state.location.search).toBe(`?selected=${OPPORTUNITY_IDS.sensors}`);
    const item = container.querySelector(`li[data-opportunity-id="${OPPORTUNITY_IDS.sensors}"]`)!;
    await waitFor(() => expect(item).toHaveAttribute("aria-current", "true"));
    expect(scrollIntoView).toHaveBeenCalled();
    expect(scrollIntoView.mock.contexts.at(-1)).toBe(item);
    // and a card under the map links to it
    const card = container.querySelector(".selected-point") as HTMLElement;
    expect(within(card).getByRole("link", { name: "Smart textile sensors for workwear" })).toHaveAttribute(
      "href",
      `/opportunities/${OPPORTUNITY_IDS.sensors}`,
    );
  });

  it("selects a point by keyboard, and opens with the point named in the address selected", async () => {
    const { user, container } = renderApp(`/map?selected=${OPPORTUNITY_IDS.sensors}`);
    await waitFor(() => expect(marker(container, OPPORTUNITY_IDS.sensors)).toHaveAttribute("aria-pressed", "true"));
    const yarn = await screen.findByRole("button", { name: "Recycled cotton yarn partner wanted (demo) (Opportunity)" });
    yarn.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(marker(container, OPPORTUNITY_IDS.yarn)).toHaveAttribute("aria-pressed", "true"));
    expect(marker(container, OPPORTUNITY_IDS.sensors)).toHaveAttribute("aria-pressed", "false");
  });

  it("draws an approximate point differently and explains it in the legend", async () => {
    const { container } = renderApp("/map");
    await waitFor(() => expect(marker(container, OPPORTUNITY_IDS.passport)).not.toBeNull());
    const approximate = marker(container, OPPORTUNITY_IDS.passport)!;
    expect(approximate).toHaveAttribute("data-approximate", "true");
    expect(approximate).toHaveClass("map-point--approximate");
    expect(approximate).toHaveAccessibleName("Digital product passport pilot (Opportunity, approximate place in Toscana)");
    expect(marker(container, OPPORTUNITY_IDS.yarn)).toHaveAttribute("data-approximate", "false");
    const legend = screen.getByRole("region", { name: "Legend" });
    expect(legend).toHaveTextContent(/Approximate place: the exact place is not known/);
  });

  it("shows an opportunity without a place of its own at its approximate point", async () => {
    const { user, container } = renderApp("/map");
    await waitFor(() => expect(marker(container, OPPORTUNITY_IDS.passport)).not.toBeNull());
    const item = container.querySelector(`li[data-opportunity-id="${OPPORTUNITY_IDS.passport}"]`) as HTMLElement;
    await user.click(within(item).getByRole("button", { name: /Show on map/ }));
    await waitFor(() => expect(marker(container, OPPORTUNITY_IDS.passport)).toHaveAttribute("aria-pressed", "true"));
    expect(container.querySelector(".selected-point")).toHaveTextContent("Approximate place");
  });

  it("says when an opportunity has no place on the map at all", async () => {
    const api = createFakeApi();
    api.on("GET /api/intelligence/map/points", () => json({ points: MAP_POINTS.slice(0, 1), truncated: false }));
    const { container } = renderApp("/map", api);
    await waitFor(() => expect(marker(container, OPPORTUNITY_IDS.yarn)).not.toBeNull());
    const item = container.querySelector(`li[data-opportunity-id="${OPPORTUNITY_IDS.passport}"]`) as HTMLElement;
    expect(item).toHaveTextContent("No place on the map.");
    expect(within(item).queryByRole("button", { name: /Show on map/ })).toBeNull();
  });

  it("draws the organisations layer when it is switched on, gathered with close opportunities", async () => {
    const { user, container, router } = renderApp("/map");
    await waitFor(() => expect(marker(container, OPPORTUNITY_IDS.yarn)).not.toBeNull());
    await user.click(screen.getByRole("checkbox", { name: "Organisations" }));
    expect(router.state.location.search).toBe("?layers=opportunities%2Corganisations");
    // the spinning mill is next to the yarn opportunity: one bubble holds both
    const mixed = await screen.findByRole("button", {
      name: "Close together: opportunities 1, organisations 1. Zoom in",
    });
    expect(mixed).toHaveAttribute("data-cluster-size", "2");
    expect(marker(container, OPPORTUNITY_IDS.yarn)).toBeNull();
    await user.click(mixed);
    expect(await screen.findByRole("button", { name: "Demo Spinning Mill (Organisation)" })).toHaveAttribute(
      "data-point-type",
      "organisation",
    );
    expect(marker(container, OPPORTUNITY_IDS.yarn)).not.toBeNull();
  });
});

describe("clusters", () => {
  function densePoints() {
    const api = createFakeApi();
    const around = Array.from({ length: 6 }, (_, index) => ({
      ...MAP_POINTS[0]!,
      id: `00000000-0000-4000-8000-0000000000${10 + index}`,
      label: `Point ${index + 1}`,
      lon: -8.3 + index * 0.01,
      lat: 41.45 + (index % 2) * 0.01,
    }));
    api.on("GET /api/intelligence/map/points", () => json({ points: around, truncated: false }));
    return api;
  }

  it("gathers dense points in a bubble with their count; choosing it zooms in until they stand apart", async () => {
    const { user, container } = renderApp("/map", densePoints());
    const cluster = await screen.findByRole("button", { name: "6 opportunities close together: zoom in" });
    expect(cluster).toHaveTextContent("6");
    expect(container.querySelectorAll("g[data-point-id]")).toHaveLength(0);
    await user.click(cluster);
    await waitFor(() => expect(container.querySelectorAll("g[data-point-id]").length).toBeGreaterThan(0));
    expect(screen.queryByRole("button", { name: "6 opportunities close together: zoom in" })).toBeNull();
  });

  it("zooms with the buttons and back to all regions", async () => {
    const { user } = renderApp("/map", densePoints());
    await screen.findByRole("button", { name: "6 opportunities close together: zoom in" });
    expect(screen.getByRole("button", { name: "Zoom out" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Show all regions" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Zoom in" }));
    expect(screen.getByRole("button", { name: "Zoom out" })).toBeEnabled();
    await user.click(screen.getByRole("button", { name: "Show all regions" }));
    expect(screen.getByRole("button", { name: "Zoom out" })).toBeDisabled();
  });

  it("says when the map shows only part of the points", async () => {
    const api = createFakeApi();
    api.on("GET /api/intelligence/map/points", () => json({ points: MAP_POINTS.slice(0, 1), truncated: true }));
    renderApp("/map", api);
    expect(await screen.findByText(/The map shows the first 1 points only/)).toBeInTheDocument();
  });
});

describe("the choropleth", () => {
  const norteSquare = {
    type: "Polygon",
    coordinates: [
      [
        [-8.9, 41.0],
        [-7.0, 41.0],
        [-7.0, 42.1],
        [-8.9, 42.1],
        [-8.9, 41.0],
      ],
    ],
  };
  const toscanaSquare = {
    type: "Polygon",
    coordinates: [
      [
        [10.0, 42.5],
        [12.3, 42.5],
        [12.3, 44.4],
        [10.0, 44.4],
        [10.0, 42.5],
      ],
    ],
  };

  function withBoundaries() {
    const api = createFakeApi();
    api.on("GET /api/intelligence/regions/boundaries", (call) => {
      const indicator = new URLSearchParams(call.search).get("indicator");
      const feature = (code: string, name: string, geometry: object, value: number) => ({
        type: "Feature",
        id: code,
        geometry,
        properties: {
          code,
          name,
          indicator,
          ...(indicator
            ? {
                label: "Textile and clothing employees",
                value,
                unit: "persons",
                year: 2021,
                scope: code === "ITI1" ? "Prato textile district" : "the region",
                quality: "secondary",
                source: "Demo source",
              }
            : {}),
        },
      });
      return json({
        type: "FeatureCollection",
        features: [
          feature("PT11", "Norte", norteSquare, 120_000),
          feature("ITI1", "Toscana", toscanaSquare, 41_251),
        ],
      });
    });
    api.on("GET /api/intelligence/indicators", () =>
      json([
        {
          code: "textile_employees",
          label: "Textile and clothing employees",
          units: ["persons"],
          regions: ["ITI1", "PT11"],
          years: [2021],
        },
      ]),
    );
    return api;
  }

  it("without boundaries, shows points and outlines only and says the boundaries are not loaded", async () => {
    const { container } = renderApp("/map?indicator=textile_employees");
    expect(await screen.findByText(/Region boundaries are not loaded/)).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Colour regions by" })).toBeDisabled();
    expect(screen.queryByTestId("choropleth-legend")).toBeNull();
    expect(container.querySelector("[data-boundary-code]")).toBeNull();
    // the eight regions are marked at their centres instead
    expect(container.querySelectorAll(".opportunity-map__region-marks .region-mark__diamond")).toHaveLength(8);
  });

  it("with boundaries, colours the regions by the chosen indicator with a legend of unit, year and scope", async () => {
    const { user, container, router } = renderApp("/map", withBoundaries());
    const picker = await screen.findByRole("combobox", { name: "Colour regions by" });
    await waitFor(() => expect(picker).toBeEnabled());
    await waitFor(() => expect(container.querySelectorAll("[data-boundary-code]")).toHaveLength(2));
    expect(screen.queryByTestId("choropleth-legend")).toBeNull();
    expect(screen.queryByText(/Region boundaries are not loaded/)).toBeNull();

    await user.selectOptions(picker, "textile_employees");
    expect(router.state.location.search).toBe("?indicator=textile_employees");
    const legend = await screen.findByTestId("choropleth-legend");
    expect(legend).toHaveTextContent("Textile and clothing employees");
    expect(legend).toHaveTextContent("Unit: persons");
    expect(legend).toHaveTextContent("Year: 2021");
    expect(legend).toHaveTextContent(/may cover different scopes/);
    expect(legend).toHaveTextContent("Prato textile district");
    const norte = container.querySelector('[data-boundary-code="PT11"]') as SVGPathElement;
    const toscana = container.querySelector('[data-boundary-code="ITI1"]') as SVGPathElement;
    expect(norte.style.fill).not.toBe("");
    expect(norte.style.fill).not.toBe(toscana.style.fill);
  });
});

describe("saving a search", () => {
  it("asks for a name and saves the current filters", async () => {
    const { user, api } = renderApp("/map?priority=circular_economy&region=PT11&selected=x");
    await user.click(await screen.findByRole("button", { name: "Save this search" }));
    await user.type(screen.getByRole("textbox", { name: "Name of the search" }), "Norte circular");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Search “Norte circular” saved.")).toBeInTheDocument();
    const [call] = api.callsTo("POST", "/api/intelligence/saved-searches");
    expect(call?.body).toEqual({
      name: "Norte circular",
      target: "opportunities",
      criteria: { priority: ["circular_economy"], region: ["PT11"] },
    });
    expect(screen.getByRole("link", { name: "See your saved searches" })).toHaveAttribute("href", "/saved-searches");
  });

  it("shows why a search could not be saved", async () => {
    const api = createFakeApi();
    api.on("POST /api/intelligence/saved-searches", () =>
      problem(422, "Invalid input", "The opportunities search criteria are not valid."),
    );
    const { user } = renderApp("/map", api);
    await user.click(await screen.findByRole("button", { name: "Save this search" }));
    await user.type(screen.getByRole("textbox", { name: "Name of the search" }), "All");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The opportunities search criteria are not valid.");
  });
});
