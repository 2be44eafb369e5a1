import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { CLUSTER_PROFILE, ME } from "@/testing/data";
import { createFakeApi, json, problem, withHeaders } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const PATH = `/api/intelligence/clusters/${CLUSTER_PROFILE.id}`;
const PAGE = `/clusters/${CLUSTER_PROFILE.id}`;
const TOSCANA_MANAGER = {
  ...ME,
  memberships: [{ role: "cluster_manager" as const, region: "ITI1", organisation_id: null }],
};

function versioned(cluster: typeof CLUSTER_PROFILE) {
  return withHeaders(json(cluster), { ETag: `"${cluster.version}"` });
}

function section(name: string): HTMLElement {
  return screen.getByRole("heading", { level: 2, name }).closest("section")!;
}

describe("the cluster profile", () => {
  it("shows the ECCP profile fields, the ESCA label with its validity and the members by type with total", async () => {
    renderApp(PAGE);
    expect(
      await screen.findByRole("heading", { level: 1, name: "OTIR2020 – Tuscany Fashion Cluster" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "← Toscana" })).toHaveAttribute("href", "/regions/ITI1");
    expect(screen.getByText("ESCA Silver, valid until Dec 31, 2099")).toBeInTheDocument();

    const profile = section("ECCP cluster profile");
    expect(profile.querySelector('[data-field="management_fte"]')).toHaveTextContent("1.5 FTE");
    expect(profile.querySelector('[data-field="website_en"]')).toHaveTextContent("not recorded");
    expect(profile.querySelector('[data-field="nace_codes"]')).toHaveTextContent("C13C14");

    const members = within(section("Members by type")).getByRole("table", { name: /members by type/ });
    const rows = within(members).getAllByRole("row").slice(1).map((row) => row.textContent);
    expect(rows).toEqual([
      "SMEs400",
      "Large companies60",
      "Research organisations10",
      "Universities5",
      "Public bodies3",
      "Other2",
      "Total480",
    ]);
    expect(await within(section("Members by type")).findByText(/No member organisations registered/)).toBeVisible();
  });

  it("shows the ESCP-S3 state as a stepper with the current step, and the readiness checklist", async () => {
    renderApp(PAGE);
    const stepper = await screen.findByRole("list", { name: "Steps into the ESCP-S3 partnership" });
    const steps = within(stepper).getAllByRole("listitem");
    expect(steps.map((step) => step.dataset.step)).toEqual(["draft", "submitted", "validated", "linked"]);
    expect(steps[0]).toHaveAttribute("aria-current", "step");
    expect(steps[0]).toHaveTextContent("Draft");
    expect(steps[1]).not.toHaveAttribute("aria-current");

    const checklist = section("Readiness for ECCP validation");
    expect(checklist).toHaveTextContent("does not meet every ECCP validation criterion yet");
    const website = checklist.querySelector('[data-criterion="english_website"]')!;
    expect(website).toHaveAttribute("data-met", "false");
    expect(website).toHaveTextContent("✗An English website – not metNo English website; ECCP needs one.");
    expect(checklist.querySelector('[data-criterion="committed_members"]')).toHaveTextContent(
      "✓At least 15 committed members – met480 committed members; ECCP needs at least 15.",
    );
  });

  it("lists the unmet criteria when a submission is refused with a 409 problem", async () => {
    const api = createFakeApi();
    api.on(`POST ${PATH}/escp-transitions`, () =>
      problem(409, "Cluster not ready", "The cluster profile does not meet 1 of the ECCP validation criteria yet.", {
        errors: [
          { field: "readiness.english_website", message: "No English website; ECCP needs one.", code: "criterion_unmet" },
        ],
      }),
    );
    const { user } = renderApp(PAGE, api);
    const escp = await screen.findByRole("heading", { level: 2, name: "ESCP-S3 state" });
    await user.click(within(escp.closest("section")!).getByRole("button", { name: "Submit to ECCP" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The step was not taken");
    expect(alert).toHaveTextContent("The cluster profile does not meet 1 of the ECCP validation criteria yet.");
    expect(within(within(alert).getByRole("list", { name: "Criteria not met" })).getAllByRole("listitem")).toHaveLength(1);
    expect(alert).toHaveTextContent("No English website; ECCP needs one.");

    const [call] = api.callsTo("POST", `${PATH}/escp-transitions`);
    expect(call?.body).toEqual({ to_state: "submitted", comment: null });
    expect(call?.headers.get("If-Match")).toBe('"3"');
  });

  it("moves the cluster one step and shows who took it in the history", async () => {
    const api = createFakeApi();
    api.on(`POST ${PATH}/escp-transitions`, (call) => {
      const { comment } = call.body as { comment: string };
      return versioned({
        ...CLUSTER_PROFILE,
        escp_state: "submitted",
        next_states: ["validated", "draft"],
        version: 4,
        state_history: [
          {
            from_state: "draft",
            to_state: "submitted",
            changed_by: ME.id,
            changed_by_name: "Giulia Demo",
            changed_at: "2026-11-25T09:30:00Z",
            comment,
          },
        ],
      });
    });
    const { user } = renderApp(PAGE, api);
    const escp = (await screen.findByRole("heading", { level: 2, name: "ESCP-S3 state" })).closest("section")!;
    await user.type(within(escp).getByLabelText(/^Comment/), "Profile complete");
    await user.click(within(escp).getByRole("button", { name: "Submit to ECCP" }));

    expect(await within(escp).findByRole("status")).toHaveTextContent("The cluster is now: Submitted.");
    const current = within(escp).getAllByRole("listitem").find((step) => step.getAttribute("aria-current") === "step");
    expect(current).toHaveAttribute("data-step", "submitted");
    // the admin sees the admin's next steps
    expect(within(escp).getByRole("button", { name: "Mark as validated by ECCP" })).toBeInTheDocument();
    expect(within(escp).getByRole("button", { name: "Return to draft" })).toBeInTheDocument();

    const history = within(section("History")).getByRole("table");
    const row = within(history).getAllByRole("row")[1]!;
    expect(row).toHaveTextContent("Giulia Demo");
    expect(row).toHaveTextContent("Draft → to Submitted");
    expect(row).toHaveTextContent("Profile complete");
    expect(within(row).getByText(/2026/).closest("time")).toHaveAttribute("datetime", "2026-11-25T09:30:00Z");
  });

  it("hides the admin's steps from a region manager and asks for a comment to go back to draft", async () => {
    const api = createFakeApi();
    api.state.me = TOSCANA_MANAGER;
    api.on(`GET ${PATH}`, () =>
      versioned({ ...CLUSTER_PROFILE, escp_state: "submitted", next_states: ["validated", "draft"] }),
    );
    renderApp(PAGE, api);
    const escp = (await screen.findByRole("heading", { level: 2, name: "ESCP-S3 state" })).closest("section")!;
    expect(within(escp).queryByRole("button")).not.toBeInTheDocument();
    expect(escp).toHaveTextContent("The next step is the consortium admin's.");
  });

  it("asks the admin for a comment before returning a cluster to draft", async () => {
    const api = createFakeApi();
    api.on(`GET ${PATH}`, () =>
      versioned({ ...CLUSTER_PROFILE, escp_state: "validated", next_states: ["linked", "draft"] }),
    );
    const { user } = renderApp(PAGE, api);
    const escp = (await screen.findByRole("heading", { level: 2, name: "ESCP-S3 state" })).closest("section")!;
    await user.click(within(escp).getByRole("button", { name: "Return to draft" }));
    expect(within(escp).getByLabelText(/^Comment/)).toHaveAccessibleDescription("Say why the cluster goes back to draft.");
    expect(api.callsTo("POST", `${PATH}/escp-transitions`)).toHaveLength(0);
  });

  it("gives a member of another region no editing or transition controls, and no history when hidden", async () => {
    const api = createFakeApi();
    api.state.me = { ...ME, memberships: [{ role: "member", region: "PT11", organisation_id: null }] };
    api.on(`GET ${PATH}`, () => versioned({ ...CLUSTER_PROFILE, state_history: null }));
    renderApp(PAGE, api);
    await screen.findByRole("heading", { level: 1, name: "OTIR2020 – Tuscany Fashion Cluster" });
    expect(screen.queryByRole("button", { name: "Edit the profile" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Submit to ECCP" })).not.toBeInTheDocument();
    expect(section("History")).toHaveTextContent("The history is shown to members of the partnership.");
  });

  it("edits the profile with If-Match and, on a 412, offers to reload the current version", async () => {
    const api = createFakeApi();
    const newer = { ...CLUSTER_PROFILE, version: 4, website_en: "https://www.otir2020.it/en", members_other: 7 };
    let current = CLUSTER_PROFILE;
    api.on(`GET ${PATH}`, () => versioned(current));
    api.on(`PATCH ${PATH}`, (call) => {
      if (call.headers.get("If-Match") !== `"${current.version}"`) {
        return problem(
          412,
          "Precondition failed",
          "The record has changed since you read it (it is now version 4). Reload it and try again.",
          { current_etag: '"4"' },
        );
      }
      current = { ...current, ...(call.body as object), version: current.version + 1 };
      return versioned(current);
    });
    const { user } = renderApp(PAGE, api);

    await user.click(await screen.findByRole("button", { name: "Edit the profile" }));
    const form = screen.getByRole("form", { name: "Edit the cluster profile" });
    // someone else saves in the meantime
    current = newer;
    await user.type(within(form).getByLabelText("English website"), "https://otir.example/en");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    const alert = await within(form).findByRole("alert");
    expect(alert).toHaveTextContent("Someone else changed this profile");
    expect(alert).toHaveTextContent("The record has changed since you read it (it is now version 4).");
    const [first] = api.callsTo("PATCH", PATH);
    expect(first?.headers.get("If-Match")).toBe('"3"');
    expect(first?.body).toEqual({ website_en: "https://otir.example/en" });

    await user.click(within(alert).getByRole("button", { name: "Reload the current version" }));
    expect(await within(form).findByRole("status")).toHaveTextContent("The current version is loaded.");
    expect(within(form).getByLabelText("English website")).toHaveValue("https://www.otir2020.it/en");
    expect(within(form).getByLabelText("Other")).toHaveValue("7");

    await user.clear(within(form).getByLabelText("SMEs"));
    await user.type(within(form).getByLabelText("SMEs"), "410");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByRole("form", { name: "Edit the cluster profile" })).not.toBeInTheDocument());
    const second = api.callsTo("PATCH", PATH)[1];
    expect(second?.headers.get("If-Match")).toBe('"4"');
    expect(second?.body).toEqual({ members_sme: 410 });
    const members = within(section("Members by type")).getByRole("table", { name: /members by type/ });
    expect(within(members).getAllByRole("row").at(-1)).toHaveTextContent("Total495");
  });

  it("shows the API's field problems next to the profile fields", async () => {
    const api = createFakeApi();
    api.on(`PATCH ${PATH}`, () =>
      problem(422, "Invalid input", "Some fields are not valid.", {
        errors: [{ field: "body.nace_codes.0", message: "String should match pattern '^[A-U][0-9]{2}'", code: "string_pattern_mismatch" }],
      }),
    );
    const { user } = renderApp(PAGE, api);
    await user.click(await screen.findByRole("button", { name: "Edit the profile" }));
    const form = screen.getByRole("form", { name: "Edit the cluster profile" });
    const nace = within(form).getByLabelText("NACE codes");
    await user.clear(nace);
    await user.type(nace, "textiles");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(nace).toHaveAttribute("aria-invalid", "true"));
    expect(nace).toHaveAccessibleDescription(/String should match pattern/);
    expect(api.callsTo("PATCH", PATH)[0]?.body).toEqual({ nace_codes: ["textiles"] });
  });

  it("shows the problem when the cluster does not exist", async () => {
    renderApp("/clusters/00000000-0000-4000-8000-0000000000ff");
    expect(await screen.findByRole("alert")).toHaveTextContent("The fake API has no route");
  });
});
