import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { ME, REGISTRY_IDS } from "@/testing/data";
import { createFakeApi, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const IMPORT = "/api/intelligence/organisations/import";

function csvFile() {
  return new File(["name,kind,country_code\nTessitura Demo Biella,company,IT\n"], "organisations.csv", {
    type: "text/csv",
  });
}

describe("importing organisations", () => {
  it("checks the file with a dry run and shows the per-row report, refused rows with their problems", async () => {
    const append = vi.spyOn(FormData.prototype, "append");
    const { user, api } = renderApp("/organisations/import");
    const file = csvFile();
    await user.upload(await screen.findByLabelText("CSV file"), file);
    await user.click(screen.getByRole("button", { name: "Check" }));

    const report = await screen.findByRole("region", { name: "Check of the file (nothing written)" });
    expect(screen.getByText("Check finished: 3 rows, 1 would be refused.")).toHaveAttribute("role", "status");
    const [call] = api.callsTo("POST", IMPORT);
    expect(call?.search).toBe("?dry_run=true");
    expect(call?.headers.get("Content-Type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(append).toHaveBeenCalledWith("file", file, "organisations.csv");

    const counts = report.querySelector(".import-report__counts") as HTMLElement;
    expect(counts.querySelector('[data-count="total"]')).toHaveTextContent("Rows3");
    expect(counts.querySelector('[data-count="created"]')).toHaveTextContent("Would be created1");
    expect(counts.querySelector('[data-count="refused"]')).toHaveTextContent("Would be refused1");
    expect(report).toHaveTextContent("Unknown column 'notes' ignored.");
    expect(report).toHaveTextContent("1 row would be refused: correct it before importing, or it is skipped.");

    const table = within(report).getByRole("table", { name: "Rows of the file" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.dataset.status)).toEqual(["created", "updated", "refused"]);
    const refused = rows[2]!;
    expect(within(refused).getByRole("rowheader")).toHaveTextContent("3");
    expect(refused).toHaveTextContent("Would be refused");
    expect(refused).toHaveTextContent("Maglificio Senza Paese");
    const problems = within(refused).getAllByRole("listitem");
    expect(problems.map((item) => item.dataset.field)).toEqual(["country_code", "kind"]);
    expect(problems[0]).toHaveTextContent("country_code: String should match pattern '^[A-Z]{2}$'");
    expect(rows[1]).toHaveTextContent("Possible duplicate of Lanificio Demo Prato S.r.l. (the same VAT number).");
    // a dry run has created nothing to link to
    expect(within(rows[0]!).queryByRole("link")).not.toBeInTheDocument();

    await user.click(within(report).getByRole("checkbox", { name: "Only rows with problems or warnings" }));
    expect(within(table).getAllByRole("row").slice(1).map((row) => row.dataset.row)).toEqual(["2", "3"]);
  });

  it("imports for real and links the records written", async () => {
    const { user, api } = renderApp("/organisations/import");
    await user.upload(await screen.findByLabelText("CSV file"), csvFile());
    await user.click(screen.getByRole("button", { name: "Import" }));

    const report = await screen.findByRole("region", { name: "Import report" });
    expect(api.callsTo("POST", IMPORT)[0]?.search).toBe("?dry_run=false");
    expect(within(report).getByRole("link", { name: "Tessitura Demo Biella" })).toHaveAttribute(
      "href",
      `/organisations/${REGISTRY_IDS.tessitura}`,
    );
    expect(report).toHaveTextContent("1 row was refused");
    // the list of past imports is asked again
    await waitFor(() => expect(api.callsTo("GET", "/api/intelligence/imports").length).toBeGreaterThanOrEqual(2));
  });

  it("asks for a file first, and shows the problem when the file cannot be read", async () => {
    const api = createFakeApi();
    api.on(`POST ${IMPORT}`, () =>
      problem(422, "Invalid input", "The file lacks required columns: kind, country_code.", {
        errors: [{ field: "file", message: "missing column kind", code: "column_missing" }],
      }),
    );
    const { user } = renderApp("/organisations/import", api);
    await user.click(await screen.findByRole("button", { name: "Check" }));
    const input = screen.getByLabelText("CSV file");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription(/Choose a CSV file first\./);
    expect(api.callsTo("POST", IMPORT)).toHaveLength(0);

    await user.upload(input, csvFile());
    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The file lacks required columns: kind, country_code.");
  });

  it("offers the CSV template and the past imports with their reports", async () => {
    const { user, router } = renderApp("/organisations/import");
    const template = await screen.findByRole("link", { name: "Download the CSV template" });
    expect(template).toHaveAttribute("download", "tex4im-organisations-template.csv");
    expect(decodeURIComponent(template.getAttribute("href") ?? "")).toContain(
      "name,kind,vat_number,country_code,region_code,city",
    );

    const history = await screen.findByRole("table", { name: "Past imports" });
    const run = within(history).getAllByRole("row")[1]!;
    expect(run).toHaveTextContent("organisations.csv");
    await user.click(within(run).getByRole("link", { name: "View report" }));
    expect(router.state.location.search).toBe(`?run=${REGISTRY_IDS.importRun}`);
    expect(await screen.findByRole("region", { name: "Import report" })).toHaveTextContent("Maglificio Senza Paese");
  });

  it("tells members that only managers import", async () => {
    const member = { ...ME, memberships: [{ role: "member" as const, region: "PT11", organisation_id: null }] };
    const { api } = renderApp("/organisations/import", createFakeApi({ me: member }));
    expect(
      await screen.findByText("Only cluster managers and the consortium administrator can do this."),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText("CSV file")).not.toBeInTheDocument();
    expect(api.callsTo("GET", "/api/intelligence/imports")).toHaveLength(0);
  });
});
