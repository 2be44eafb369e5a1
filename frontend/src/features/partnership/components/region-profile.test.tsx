import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ME, REGION_INDICATORS, regionDetail } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const MEMBER_OF_NORTE = {
  ...ME,
  memberships: [{ role: "member" as const, region: "PT11", organisation_id: null }],
};

async function indicatorsTable() {
  const heading = await screen.findByRole("heading", { level: 2, name: "Indicators" });
  return within(heading.closest("section")!).getByRole("table");
}

describe("the region profile", () => {
  it("names the region, its country and NUTS code (linked to the NUTS URI) and places it on a map", async () => {
    renderApp("/regions/ITI1");
    expect(await screen.findByRole("heading", { level: 1, name: "Toscana" })).toBeInTheDocument();
    expect(screen.getByText("Italy")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "ITI1" })).toHaveAttribute("href", "http://data.europa.eu/nuts/code/ITI1");
    expect(screen.getByRole("img", { name: "Toscana among the partner regions (Italy)" })).toBeInTheDocument();
    expect(screen.getByText(/no boundary has been imported/)).toBeInTheDocument();
  });

  it("draws the region's boundary on the locator map once boundaries are imported", async () => {
    const api = createFakeApi();
    api.on("GET /api/intelligence/regions/boundaries", () =>
      json({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            id: "ITI1",
            // RFC 7946 winding (counter-clockwise), as GISCO publishes it
            geometry: { type: "Polygon", coordinates: [[[10, 43], [12, 43], [12, 44.5], [10, 44.5], [10, 43]]] },
            properties: { code: "ITI1", name: "Toscana" },
          },
        ],
      }),
    );
    const { container } = renderApp("/regions/ITI1", api);
    await screen.findByText(/Boundary imported from NUTS polygons/);
    const map = screen.getByRole("img", { name: "Toscana among the partner regions (Italy)" });
    expect(map).toHaveAttribute("data-boundary", "polygon");
    const boundary = container.querySelector(".locator-map__boundary")!;
    // a small shape inside the drawing box, not the whole globe
    const xs = [...boundary.getAttribute("d")!.matchAll(/[ML]([-\d.]+),/g)].map((match) => Number(match[1]));
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(200);
  });

  it("shows each indicator's value with its unit next to its scope, year, quality and source", async () => {
    renderApp("/regions/ITI1");
    const table = await indicatorsTable();
    expect(within(table).getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual([
      "Indicator",
      "Value",
      "Scope",
      "Year",
      "Quality",
      "Source",
      "Actions",
    ]);
    const row = table.querySelector('tr[data-indicator-code="textile_employees"]')!;
    const cells = within(row as HTMLElement).getAllByRole("cell").map((cell) => cell.textContent);
    expect(within(row as HTMLElement).getByRole("rowheader")).toHaveTextContent("Employees in textiles");
    expect(cells.slice(0, 5)).toEqual([
      "41,251 persons",
      "Prato textile district; 2021 survey",
      "2021",
      "Secondary",
      "Confindustria Toscana Nord, reported by il manifesto, 2024-10-17",
    ]);
  });

  it("says 'year not stated', marks official values, and links a source with an address", async () => {
    const api = createFakeApi();
    const detail = regionDetail("FRE1")!;
    api.on("GET /api/intelligence/regions/FRE1", () =>
      json({ ...detail, indicators: [...detail.indicators, { ...REGION_INDICATORS.RO21![0]!, id: "x-1" }] }),
    );
    renderApp("/regions/FRE1", api);
    const table = await indicatorsTable();
    const [official, undated] = within(table).getAllByRole("row").slice(1);
    expect(official).toHaveTextContent("Official");
    expect(within(official!).getByRole("link", { name: "Insee" })).toHaveAttribute("href", "https://www.insee.fr/");
    expect(undated).toHaveTextContent("year not stated");
    expect(undated).toHaveTextContent("regional industry; year not stated");
  });

  it("lists the partner cluster linking to its profile, the figures, the platform counts and the S3 priorities", async () => {
    renderApp("/regions/ITI1");
    const cluster = await screen.findByRole("link", { name: "OTIR2020 – Tuscany Fashion Cluster" });
    expect(cluster).toHaveAttribute("href", "/clusters/00000000-0000-4000-8000-000000000005");

    const platform = screen.getByRole("heading", { name: "On the platform" }).closest("section")!;
    await waitFor(() => expect(platform.querySelector('[data-figure="organisations"]')).toHaveTextContent("12"));
    expect(platform.querySelector('[data-figure="cluster_members"]')).toHaveTextContent("480");
    expect(platform.querySelector('[data-figure="escp_state"]')).toHaveTextContent("Draft");

    expect(screen.getByText("6,627 local units; 41,251 employees")).toBeInTheDocument();

    const s3 = screen.getByRole("heading", { name: "Smart specialisation (S3) priorities" }).closest("section")!;
    const priority = s3.querySelector("li[data-s3-priority-id]") as HTMLElement;
    expect(within(priority).getByRole("heading", { name: "Smart and sustainable fashion (demo entry)" })).toBeVisible();
    expect(within(priority).getByText("Demo entry")).toBeInTheDocument();
    expect(
      within(within(priority).getByRole("list", { name: "Thematic priorities served" }))
        .getAllByRole("listitem")
        .map((tag) => tag.textContent),
    ).toEqual(["Circular economy", "Digital technologies"]);
    expect(priority).toHaveTextContent("Source: Demo data: not taken from the Toscana S3 strategy");
  });

  it("gives a member of another region no editing controls", async () => {
    const api = createFakeApi();
    api.state.me = MEMBER_OF_NORTE;
    renderApp("/regions/ITI1", api);
    await indicatorsTable();
    expect(screen.queryByRole("button", { name: "Add an indicator" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit Employees in textiles" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add an S3 priority" })).not.toBeInTheDocument();
  });

  it("lets the region's manager add an indicator, showing the API's problems by field", async () => {
    const api = createFakeApi();
    api.on("POST /api/intelligence/regions/ITI1/indicators", (call) => {
      const body = call.body as { value: string };
      if (body.value === "12345678901234567890") {
        return problem(422, "Invalid input", "Some fields are not valid.", {
          errors: [{ field: "body.value", message: "Decimal input should have no more than 18 digits in total", code: "decimal_max_digits" }],
        });
      }
      return json({ ...REGION_INDICATORS.ITI1![0], ...body, id: "new-indicator" }, 201);
    });
    const { user } = renderApp("/regions/ITI1", api);

    await user.click(await screen.findByRole("button", { name: "Add an indicator" }));
    const form = screen.getByRole("form", { name: "Add an indicator" });
    expect(screen.getByRole("heading", { name: "Add an indicator" })).toHaveFocus();

    await user.click(within(form).getByRole("button", { name: "Save" }));
    expect(within(form).getByLabelText("What it counts")).toHaveAccessibleDescription("Fill this in.");
    expect(api.callsTo("POST", "/api/intelligence/regions/ITI1/indicators")).toHaveLength(0);

    await user.type(within(form).getByLabelText("What it counts"), "Textile exports");
    await user.type(within(form).getByLabelText("Code"), "textile_exports");
    await user.type(within(form).getByLabelText("Value"), "12345678901234567890");
    await user.type(within(form).getByLabelText("Unit"), "EUR million");
    await user.type(within(form).getByLabelText("Scope"), "Toscana; textiles and clothing");
    await user.selectOptions(within(form).getByLabelText("Quality"), "official");
    await user.type(within(form).getByLabelText("Source"), "Istat");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    const value = within(form).getByLabelText("Value");
    await waitFor(() => expect(value).toHaveAttribute("aria-invalid", "true"));
    expect(value).toHaveAccessibleDescription(/no more than 18 digits in total/);
    expect(within(form).getByRole("alert")).toHaveTextContent("Some fields are not valid.");

    await user.clear(value);
    await user.type(value, "2950.5");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByRole("form", { name: "Add an indicator" })).not.toBeInTheDocument());

    const calls = api.callsTo("POST", "/api/intelligence/regions/ITI1/indicators");
    expect(calls.at(-1)?.body).toEqual({
      code: "textile_exports",
      label: "Textile exports",
      value: "2950.5",
      unit: "EUR million",
      year: null,
      scope: "Toscana; textiles and clothing",
      quality: "official",
      source: "Istat",
      source_url: null,
    });
    expect(calls.at(-1)?.headers.get("X-CSRF-Token")).toBe("csrf-initial");
    // the profile is read again
    await waitFor(() => expect(api.callsTo("GET", "/api/intelligence/regions/ITI1").length).toBeGreaterThan(1));
  });

  it("lets the manager edit and, after confirming, delete an indicator", async () => {
    const api = createFakeApi();
    const [employees] = REGION_INDICATORS.ITI1!;
    api.on(`PATCH /api/intelligence/regions/ITI1/indicators/${employees!.id}`, (call) =>
      json({ ...employees, ...(call.body as object) }),
    );
    api.on(`DELETE /api/intelligence/regions/ITI1/indicators/${employees!.id}`, () => new Response(null, { status: 204 }));
    const { user } = renderApp("/regions/ITI1", api);

    await user.click(await screen.findByRole("button", { name: "Edit Employees in textiles" }));
    const form = screen.getByRole("form", { name: "Edit “Employees in textiles”" });
    expect(within(form).getByLabelText("Value")).toHaveValue("41251");
    await user.clear(within(form).getByLabelText("Reference year"));
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(api.callsTo("PATCH", `/api/intelligence/regions/ITI1/indicators/${employees!.id}`)[0]?.body).toMatchObject({
        year: null,
        value: "41251",
      }),
    );

    await user.click(screen.getByRole("button", { name: "Delete Employees in textiles" }));
    const confirm = screen.getByRole("button", { name: "Yes, delete Employees in textiles" });
    expect(confirm).toHaveFocus();
    await user.click(confirm);
    await waitFor(() =>
      expect(api.callsTo("DELETE", `/api/intelligence/regions/ITI1/indicators/${employees!.id}`)).toHaveLength(1),
    );
  });

  it("lets the manager add an S3 priority tied to thematic priorities", async () => {
    const api = createFakeApi();
    api.on("POST /api/intelligence/regions/ITI1/s3-priorities", (call) =>
      json({ id: "new", position: 2, description: null, ...(call.body as object) }, 201),
    );
    const { user } = renderApp("/regions/ITI1", api);
    await user.click(await screen.findByRole("button", { name: "Add an S3 priority" }));
    const form = screen.getByRole("form", { name: "Add an S3 priority" });
    await user.type(within(form).getByLabelText("Title"), "Advanced manufacturing");
    const thematic = within(form).getByRole("group", { name: "Thematic priorities it serves" });
    await user.click(within(thematic).getByRole("checkbox", { name: "Industry 4.0" }));
    await user.click(within(thematic).getByRole("checkbox", { name: "Circular economy" }));
    await user.type(within(form).getByLabelText("Source"), "Toscana S3 2021-2027");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(api.callsTo("POST", "/api/intelligence/regions/ITI1/s3-priorities")[0]?.body).toEqual({
        title: "Advanced manufacturing",
        description: null,
        thematic_priorities: ["circular_economy", "industry_4_0"],
        source: "Toscana S3 2021-2027",
      }),
    );
  });

  it("shows the problem when the region does not exist", async () => {
    renderApp("/regions/XX99");
    expect(await screen.findByRole("alert")).toHaveTextContent("There is no region with this code.");
  });

  it("is reached from the home page's region list", async () => {
    const { user, router } = renderApp("/");
    const list = await screen.findByRole("list", { name: "Regions" });
    await user.click(within(list).getByRole("link", { name: "Profile of Norte" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Norte" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/regions/PT11");
  });
});
