import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { createMapProjection } from "@/lib/geo/map-projection";
import { REGIONS } from "@/testing/data";
import { createFakeApi, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

function markerPosition(marker: Element): [number, number] {
  const match = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(marker.getAttribute("transform") ?? "");
  if (!match) throw new Error("marker has no translate()");
  return [Number(match[1]), Number(match[2])];
}

describe("the partnership home page", () => {
  it("introduces the partnership", async () => {
    renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "TEX4IM partnership" })).toBeInTheDocument();
    expect(screen.getByText(/eight textile and clothing clusters/)).toHaveTextContent(/ESCP-S3/);
    expect(screen.getByText(/eight textile and clothing clusters/)).toHaveTextContent(/COSME/);
  });

  it("lists the eight regions with code, country, partner cluster and the coordinator badge", async () => {
    renderApp("/");
    const list = await screen.findByRole("list", { name: "Regions" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(8);

    const toscana = items.find((item) => item.dataset.regionCode === "ITI1");
    expect(toscana).toHaveTextContent("Toscana");
    expect(toscana).toHaveTextContent("ITI1");
    expect(toscana).toHaveTextContent("Italy");
    expect(toscana).toHaveTextContent("OTIR2020 – Tuscany Fashion Cluster");
    expect(toscana).toHaveTextContent("Coordinator");

    const severovychod = items.find((item) => item.dataset.regionCode === "CZ05");
    expect(severovychod).toHaveTextContent("Czechia");
    expect(severovychod).toHaveTextContent("CLUTEX");
    expect(severovychod).not.toHaveTextContent("Coordinator");
    expect(within(list).getAllByText("Coordinator")).toHaveLength(1);
  });

  it("draws the map as a described image and a marker for each region at its projected point", async () => {
    const { container } = renderApp("/");
    const map = await screen.findByRole("img", { name: /Map of the TEX4IM partner regions/ });
    expect(map.tagName.toLowerCase()).toBe("svg");
    expect(map).toHaveAccessibleName(/Toscana \(ITI1\)/);
    expect(map).toHaveAccessibleName(/Västsverige \(SE23\)/);

    const markers = container.querySelectorAll("[data-region-code]:not(li)");
    expect(markers).toHaveLength(8);

    const projection = createMapProjection(REGIONS.map((region) => region.label_point));
    for (const region of REGIONS) {
      const marker = container.querySelector(`g[data-region-code="${region.code}"]`);
      expect(marker).not.toBeNull();
      const [x, y] = markerPosition(marker!);
      const [expectedX, expectedY] = projection([region.label_point.lon, region.label_point.lat])!;
      expect(x).toBeCloseTo(expectedX, 0);
      expect(y).toBeCloseTo(expectedY, 0);
      // inside the drawing box
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(800);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(680);
    }
    // north is up and west is left: Västsverige above Toscana, Norte left of Nord-Est
    const position = (code: string) => markerPosition(container.querySelector(`g[data-region-code="${code}"]`)!);
    expect(position("SE23")[1]).toBeLessThan(position("ITI1")[1]);
    expect(position("PT11")[0]).toBeLessThan(position("RO21")[0]);

    expect(screen.getByRole("button", { name: "Toscana (ITI1), Italy" })).toHaveAttribute("tabindex", "0");
  });

  it("highlights the partner countries once the outlines are drawn", async () => {
    const { container } = renderApp("/");
    await waitFor(() =>
      expect(container.querySelectorAll(".regions-map__country--partner").length).toBe(7),
    );
    expect(container.querySelectorAll(".regions-map__country").length).toBeGreaterThan(20);
  });

  it("shows a region's clusters and figures with scope, year and source when its marker is selected", async () => {
    const { user, router } = renderApp("/");
    await user.click(await screen.findByRole("button", { name: "Toscana (ITI1), Italy" }));

    const detail = await screen.findByRole("region", { name: "Toscana (ITI1)" });
    await within(detail).findByText("6,627 local units; 41,251 employees");
    expect(detail).toHaveTextContent("Prato textile district");
    expect(detail).toHaveTextContent("2021");
    expect(detail).toHaveTextContent("Confindustria Toscana Nord, reported by il manifesto, 2024-10-17");
    expect(detail).toHaveTextContent("Managed by Next Technology Tecnotessile");
    expect(detail).toHaveTextContent("22,985 km²");
    expect(router.state.location.search).toBe("?region=ITI1");
    expect(screen.getByRole("button", { name: "Toscana (ITI1), Italy" })).toHaveAttribute("aria-pressed", "true");
  });

  it("says 'year not stated' for a figure without a year, selected from the list", async () => {
    const { user } = renderApp("/");
    const list = await screen.findByRole("list", { name: "Regions" });
    await user.click(within(list).getByRole("button", { name: /Nord-Est/ }));

    const detail = await screen.findByRole("region", { name: "Nord-Est (RO21)" });
    await within(detail).findByText(/940 companies/);
    const figure = within(detail).getByText(/940 companies/).closest("li")!;
    expect(figure).toHaveTextContent("regional industry");
    expect(figure).toHaveTextContent("year not stated");
    expect(figure).toHaveTextContent("ADR Nord-Est (Invest North East)");
  });

  it("opens the region named in the address and selects it by keyboard on the map", async () => {
    const { user } = renderApp("/?region=SE23");
    expect(await screen.findByRole("region", { name: "Västsverige (SE23)" })).toBeInTheDocument();

    const marker = await screen.findByRole("button", { name: "Norte (PT11), Portugal" });
    marker.focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("region", { name: "Norte (PT11)" })).toBeInTheDocument();
  });

  it("lists the five thematic priorities", async () => {
    renderApp("/");
    const heading = await screen.findByRole("heading", { name: "Thematic priorities" });
    const section = heading.closest("section")!;
    const items = await within(section).findAllByRole("listitem");
    expect(items.map((item) => item.textContent?.replace(/^\d/, ""))).toEqual([
      "Circular economy",
      "Industry 4.0",
      "Digital technologies",
      "Advanced materials",
      "Creativity",
    ]);
  });

  it("shows the problem detail when the regions cannot be loaded", async () => {
    const api = createFakeApi();
    api.on("GET /api/intelligence/regions", () =>
      problem(503, "Service unavailable", "The intelligence service is not answering."),
    );
    renderApp("/", api);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The intelligence service is not answering.");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  it("shows the problem detail when a region is not found", async () => {
    renderApp("/?region=XX99");
    const detail = await screen.findByRole("region", { name: "XX99" });
    expect(await within(detail).findByRole("alert")).toHaveTextContent("There is no region with this code.");
  });
});
