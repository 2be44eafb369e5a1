import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ME } from "@/testing/data";
import { createFakeApi, json } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const MEMBER = { ...ME, memberships: [{ role: "member" as const, region: "PT11", organisation_id: null }] };
const MANAGER = { ...ME, memberships: [{ role: "cluster_manager" as const, region: "PT11", organisation_id: null }] };

async function scorecardTable() {
  return screen.findByRole("table", { name: /Indicators and platform figures of the eight partner regions/ });
}

function cell(table: HTMLElement, row: string, region: string): HTMLElement {
  const found = table.querySelector(`tr[${row}] td[data-region-code="${region}"]`);
  if (!found) throw new Error(`no cell ${row} ${region}`);
  return found as HTMLElement;
}

describe("the scorecard", () => {
  it("is linked from the main navigation for every signed-in user", async () => {
    const api = createFakeApi();
    api.state.me = MEMBER;
    const { user, router } = renderApp("/", api);
    const navigation = await screen.findByRole("navigation", { name: "Main navigation" });
    await user.click(within(navigation).getByRole("button", { name: "Partnership" }));
    await user.click(within(navigation).getByRole("link", { name: "Scorecard" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Scorecard" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/regions/scorecard");
  });

  it("puts the eight regions side by side, linked to their profiles", async () => {
    renderApp("/regions/scorecard");
    const table = await scorecardTable();
    const headers = within(table.querySelector("thead")!).getAllByRole("columnheader");
    expect(headers).toHaveLength(9);
    expect(within(headers[5]!).getByRole("link", { name: "Toscana" })).toHaveAttribute("href", "/regions/ITI1");
  });

  it("shows a value with its unit and a footnote marker for its scope, year, quality and source", async () => {
    renderApp("/regions/scorecard");
    const table = await scorecardTable();
    const toscana = cell(table, 'data-indicator-code="textile_employees"', "ITI1");
    expect(toscana).toHaveTextContent("41,251 persons");

    const marker = within(toscana).getByRole("link", { name: /^Note \d+, Secondary$/ });
    // details on hover or focus, tied to the marker
    expect(marker).toHaveAccessibleDescription(
      "Prato textile district; 2021 survey · 2021 · Secondary · Confindustria Toscana Nord, reported by il manifesto, 2024-10-17",
    );
    const number = marker.textContent;
    const note = document.getElementById(marker.getAttribute("href")!.slice(1))!;
    expect(note).toHaveAttribute("data-note", number);
    expect(note).toHaveTextContent("Secondary Prato textile district; 2021 survey · 2021 · Source: Confindustria Toscana Nord");

    const norteEmpty = cell(table, 'data-indicator-code="textile_employees"', "PT11");
    expect(norteEmpty).toHaveTextContent("no value");

    const nordEst = cell(table, 'data-indicator-code="textile_employees"', "RO21");
    const undated = within(nordEst).getByRole("link", { name: /^Note/ });
    expect(undated).toHaveAccessibleDescription(/year not stated/);

    const official = within(cell(table, 'data-indicator-code="textile_employees"', "FRE1")).getByRole("link", {
      name: /^Note \d+, Official$/,
    });
    expect(official).toHaveClass("footnote__ref--official");

    expect(within(table).getByText("scopes differ")).toBeInTheDocument();
    expect(screen.getByRole("note", { name: "How to read the values" })).toHaveTextContent(
      "official statistic (a statistical office)",
    );
  });

  it("moves focus to the footnote when its marker is followed", async () => {
    const { user } = renderApp("/regions/scorecard");
    const table = await scorecardTable();
    const marker = within(cell(table, 'data-indicator-code="textile_employees"', "ITI1")).getByRole("link");
    await user.click(marker);
    expect(document.activeElement).toHaveAttribute("data-note", marker.textContent);
  });

  it("adds the live platform figures per region", async () => {
    renderApp("/regions/scorecard");
    const table = await scorecardTable();
    expect(cell(table, 'data-figure="organisations"', "ITI1")).toHaveTextContent("12");
    expect(cell(table, 'data-figure="cluster_members"', "ITI1")).toHaveTextContent("480");
    expect(cell(table, 'data-figure="escp_state"', "PT11")).toHaveTextContent("Submitted");
  });

  it("heat-maps the overlap of S3 priorities, naming the shared priorities in each cell's label", async () => {
    renderApp("/regions/scorecard");
    const matrix = await screen.findByRole("table", { name: "Thematic priorities shared by each pair of regions" });
    expect(within(matrix).getAllByRole("row")).toHaveLength(9);

    const pair = matrix.querySelector('[data-pair="ITI1-PT11"]') as HTMLElement;
    expect(pair).toHaveTextContent("2");
    expect(pair).toHaveAccessibleName(
      "Toscana and Norte share 2 thematic priorities: Circular economy and Digital technologies (Jaccard index 0.5)",
    );
    expect(pair).toHaveAttribute("title", pair.getAttribute("aria-label"));
    expect(pair).toHaveAttribute("data-jaccard", "0.5");
    expect(pair.style.backgroundColor).not.toBe("");
    // symmetric
    expect(matrix.querySelector('[data-pair="PT11-ITI1"]')).toHaveAccessibleName(/^Norte and Toscana share 2/);

    const own = matrix.querySelector('[data-pair="ITI1-ITI1"]') as HTMLElement;
    expect(own).toHaveTextContent("3");
    expect(own).toHaveAccessibleName(
      "Toscana: 3 thematic priorities: Circular economy, Digital technologies, and Creativity",
    );
    expect(matrix.querySelector('[data-pair="RO21-CZ05"]')).toHaveAccessibleName(
      "Nord-Est and Severovýchod share no thematic priority",
    );
  });

  it("offers boundary import to managers only", async () => {
    const api = createFakeApi();
    api.state.me = MEMBER;
    renderApp("/regions/scorecard", api);
    await scorecardTable();
    expect(screen.queryByRole("heading", { name: "Region boundaries" })).not.toBeInTheDocument();
  });

  it("uploads a GeoJSON file and shows the report of matched, skipped and refused features", async () => {
    const api = createFakeApi();
    api.state.me = MANAGER;
    api.on("PUT /api/intelligence/regions/boundaries", () =>
      json({
        source: "GISCO NUTS 2021",
        matched: ["PT11", "ITI1"],
        skipped: [{ index: 0, id: "AT11", reason: "not a partnership region" }],
        refused: [{ index: 3, id: "ES52", reason: "the geometry is a Point, not a Polygon or MultiPolygon" }],
      }),
    );
    const { user } = renderApp("/regions/scorecard", api);

    const section = (await screen.findByRole("heading", { name: "Region boundaries" })).closest("section")!;
    expect(section).toHaveTextContent("Without boundaries the maps show each region as a point");
    await waitFor(() => expect(section).toHaveTextContent("No boundaries imported: the maps show points only."));
    // a manager may import; only the admin removes
    expect(within(section).queryByRole("button", { name: "Delete all boundaries" })).not.toBeInTheDocument();

    await user.click(within(section).getByRole("button", { name: "Import boundaries" }));
    expect(within(section).getByLabelText("GeoJSON file")).toHaveAccessibleDescription("Choose a GeoJSON file first.");

    const collection = {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { NUTS_ID: "PT11" }, geometry: { type: "Polygon", coordinates: [] } }],
    };
    const file = new File([JSON.stringify(collection)], "NUTS_RG_20M_2021_4326_LEVL_2.geojson", {
      type: "application/geo+json",
    });
    await user.upload(within(section).getByLabelText("GeoJSON file"), file);
    await user.click(within(section).getByRole("button", { name: "Import boundaries" }));

    const report = await within(section).findByRole("status", { name: "Import report: GISCO NUTS 2021" });
    expect(report).toHaveTextContent("Matched: 2 · Skipped: 1 · Refused: 1");
    expect(within(report).getAllByRole("list")[0]).toHaveTextContent("Norte (PT11)Toscana (ITI1)");
    expect(report).toHaveTextContent("Feature 4 (ES52): the geometry is a Point, not a Polygon or MultiPolygon");
    expect(report).toHaveTextContent("1 feature skipped (outside the partnership)");

    const [put] = api.callsTo("PUT", "/api/intelligence/regions/boundaries");
    expect(put?.body).toEqual(collection);
    expect(new URLSearchParams(put?.search).get("source")).toBe("GISCO NUTS 2021");
    // the maps' boundaries are read again
    await waitFor(() => expect(api.callsTo("GET", "/api/intelligence/regions/boundaries").length).toBeGreaterThan(1));
  });

  it("refuses a file that is not JSON before sending it", async () => {
    const { user, api } = renderApp("/regions/scorecard");
    const section = (await screen.findByRole("heading", { name: "Region boundaries" })).closest("section")!;
    await user.upload(within(section).getByLabelText("GeoJSON file"), new File(["PK\u0003\u0004"], "nuts.json", { type: "application/json" }));
    await user.click(within(section).getByRole("button", { name: "Import boundaries" }));
    await waitFor(() =>
      expect(within(section).getByLabelText("GeoJSON file")).toHaveAccessibleDescription("nuts.json is not a JSON file."),
    );
    expect(api.callsTo("PUT", "/api/intelligence/regions/boundaries")).toHaveLength(0);
  });

  it("lets the admin remove the boundaries", async () => {
    const api = createFakeApi();
    let loaded = true;
    api.on("GET /api/intelligence/regions/boundaries", () =>
      json({
        type: "FeatureCollection",
        features: loaded
          ? [
              {
                type: "Feature",
                id: "ITI1",
                geometry: { type: "Polygon", coordinates: [[[11, 43], [12, 43], [12, 44], [11, 43]]] },
                properties: { code: "ITI1", name: "Toscana" },
              },
            ]
          : [],
      }),
    );
    api.on("DELETE /api/intelligence/regions/boundaries", () => {
      loaded = false;
      return new Response(null, { status: 204 });
    });
    const { user } = renderApp("/regions/scorecard", api);
    const section = (await screen.findByRole("heading", { name: "Region boundaries" })).closest("section")!;
    await within(section).findByText("Boundary imported for 1 region: Toscana.");
    await user.click(within(section).getByRole("button", { name: "Delete all boundaries" }));
    await user.click(within(section).getByRole("button", { name: "Yes, delete all boundaries" }));
    await within(section).findByText("No boundaries imported: the maps show points only.");
    expect(api.callsTo("DELETE", "/api/intelligence/regions/boundaries")).toHaveLength(1);
  });
});
