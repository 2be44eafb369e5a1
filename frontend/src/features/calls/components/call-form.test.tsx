import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { CALL_IDS, ME, PUBLISHED_CALL } from "@/testing/data";
import { createFakeApi, json, problem, withHeaders } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const CALLS = "/api/proposals/calls";
const PUBLISHED = `${CALLS}/${CALL_IDS.published}`;
const MEMBER = { ...ME, memberships: [{ role: "member" as const, region: "ITI1", organisation_id: null }] };

function group(name: string): HTMLElement {
  return screen.getByRole("group", { name });
}

function criterionRow(index: number): HTMLElement {
  return document.querySelector(`[data-criterion-row="${index}"]`) as HTMLElement;
}

describe("the new call form", () => {
  it("creates a call and publishes it at once with the ETag the creation returned", { timeout: 20_000 }, async () => {
    const api = createFakeApi();
    const { user, router } = renderApp("/calls/new", api);
    expect(await screen.findByRole("heading", { level: 1, name: "New call" })).toHaveFocus();

    const basics = group("Basics");
    await user.type(within(basics).getByLabelText("Code"), "TEX4IM-2029");
    await user.type(within(basics).getByLabelText("Title"), "Smart textiles 2029");
    await user.selectOptions(within(basics).getByLabelText("Status"), "published");
    const phases = group("Phases");
    await user.type(within(phases).getByLabelText("Submission opens"), "2027-01-01T09:00");
    await user.type(within(phases).getByLabelText("Submission closes"), "2027-03-31T17:00");
    await user.click(within(group("Eligible thematic priorities")).getByRole("checkbox", { name: "Creativity" }));
    await user.click(screen.getByRole("button", { name: "Create the call" }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/calls/${CALL_IDS.created}`));
    const [created] = api.callsTo("POST", CALLS);
    expect(created?.body).toMatchObject({
      code: "TEX4IM-2029",
      title: "Smart textiles 2029",
      kind: "dated",
      year: null,
      eligible_priorities: ["circular_economy", "industry_4_0", "digital_technologies", "advanced_materials"],
      phases: [{ kind: "submission", opens_at: new Date("2027-01-01T09:00").toISOString() }],
      criteria: [
        { key: "excellence", weight: "30" },
        { key: "impact", weight: "30" },
        { key: "implementation", weight: "20" },
        { key: "partnership", weight: "20" },
      ],
    });
    expect(created?.body).not.toHaveProperty("status");
    const [publish] = api.callsTo("PATCH", `${CALLS}/${CALL_IDS.created}`);
    expect(publish?.body).toEqual({ status: "published" });
    expect(publish?.headers.get("If-Match")).toBe('"1"');
    expect(await screen.findByRole("status")).toHaveTextContent("The call is published: everyone can see it now.");
  });

  it("shows each criterion's weight as a share of the total while it is typed", async () => {
    const { user } = renderApp("/calls/new");
    await screen.findByRole("heading", { level: 1, name: "New call" });
    expect(criterionRow(0).querySelector("[data-share]")).toHaveTextContent("30% of the total");
    const weight = within(criterionRow(0)).getByLabelText("Weight");
    await user.clear(weight);
    await user.type(weight, "60");
    expect(criterionRow(0).querySelector("[data-share]")).toHaveTextContent("46.2% of the total");
    expect(criterionRow(1).querySelector("[data-share]")).toHaveTextContent("23.1% of the total");
    expect(weight).toHaveAccessibleDescription("Now 46.2% of the total.");

    await user.click(screen.getByRole("button", { name: "Add a criterion" }));
    expect(criterionRow(4).querySelector("[data-share]")).toHaveTextContent("— of the total");
    await user.click(within(criterionRow(4)).getByRole("button", { name: "Remove Criterion 5" }));
    expect(criterionRow(4)).toBeNull();
  });

  it("adds, reorders and removes questions of the proposal form", { timeout: 30_000 }, async () => {
    const api = createFakeApi();
    const { user } = renderApp("/calls/new", api);
    await screen.findByRole("heading", { level: 1, name: "New call" });
    const fields = group("Questions on the proposal form");
    await user.click(within(fields).getByRole("button", { name: "Add a question" }));
    await user.click(within(fields).getByRole("button", { name: "Add a question" }));
    const rows = () => [...fields.querySelectorAll<HTMLElement>("[data-field-row]")];
    await user.type(within(rows()[0]!).getByLabelText("Key"), "pilot_site");
    await user.type(within(rows()[0]!).getByLabelText("Question"), "Where is the pilot?");
    await user.selectOptions(within(rows()[0]!).getByLabelText("Answer type"), "choice");
    await user.type(within(rows()[0]!).getByLabelText("Choices"), "A mill{Enter}A lab");
    await user.click(within(rows()[0]!).getByRole("checkbox", { name: "Required" }));
    await user.type(within(rows()[1]!).getByLabelText("Key"), "budget_note");
    await user.type(within(rows()[1]!).getByLabelText("Question"), "Budget note");
    await user.click(within(rows()[1]!).getByRole("checkbox", { name: "Private to evaluators" }));
    await user.click(within(fields).getByRole("button", { name: "Move Question 2 up" }));
    expect(within(rows()[0]!).getByLabelText("Key")).toHaveValue("budget_note");

    await user.type(within(group("Basics")).getByLabelText("Code"), "TEX4IM-2029");
    await user.type(within(group("Basics")).getByLabelText("Title"), "Smart textiles 2029");
    await user.click(screen.getByRole("button", { name: "Create the call" }));
    await waitFor(() => expect(api.callsTo("POST", CALLS)).toHaveLength(1));
    expect((api.callsTo("POST", CALLS)[0]?.body as { fields: unknown[] }).fields).toEqual([
      expect.objectContaining({ key: "budget_note", type: "text", private_to_evaluators: true, options: [] }),
      expect.objectContaining({ key: "pilot_site", type: "choice", required: true, options: ["A mill", "A lab"] }),
    ]);
  });

  it("finds problems before sending and marks each input", async () => {
    const api = createFakeApi();
    const { user } = renderApp("/calls/new", api);
    await screen.findByRole("heading", { level: 1, name: "New call" });
    await user.selectOptions(within(group("Basics")).getByLabelText("Status"), "published");
    await user.clear(within(criterionRow(1)).getByLabelText("Weight"));
    await user.click(screen.getByRole("button", { name: "Create the call" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Some fields need attention");
    expect(alert).toHaveFocus();
    expect(within(group("Basics")).getByLabelText("Code")).toHaveAccessibleDescription(/^Required\./);
    expect(within(criterionRow(1)).getByLabelText("Weight")).toHaveAttribute("aria-invalid", "true");
    expect(group("Phases")).toHaveTextContent("A published call needs a submission phase.");
    expect(api.callsTo("POST", CALLS)).toHaveLength(0);
  });

  it("shows the API's 422 problems next to the inputs their paths name, a phase's by its kind", { timeout: 20_000 }, async () => {
    const api = createFakeApi();
    api.on(`POST ${CALLS}`, () =>
      problem(422, "Invalid call", "The call's configuration has faults; each is named in `errors`.", {
        errors: [
          { field: "body.phases.0.opens_at", message: "the evaluation phase opens before the submission phase closes", code: "out_of_order" },
          { field: "body.criteria.2.weight", message: "Input should be greater than 0", code: "greater_than" },
          { field: "body.targets.0", message: "targets.1 already sets this target", code: "duplicate" },
        ],
      }),
    );
    const { user } = renderApp("/calls/new", api);
    await screen.findByRole("heading", { level: 1, name: "New call" });
    await user.type(within(group("Basics")).getByLabelText("Code"), "TEX4IM-2029");
    await user.type(within(group("Basics")).getByLabelText("Title"), "Smart textiles 2029");
    // only the evaluation phase is given, so the API's phases.0 is the evaluation phase
    await user.type(within(group("Phases")).getByLabelText("Evaluation opens"), "2027-01-01T09:00");
    await user.type(within(group("Phases")).getByLabelText("Evaluation closes"), "2027-02-01T09:00");
    await user.click(screen.getByRole("button", { name: "Add a target" }));
    await user.type(screen.getByLabelText("Target of target 1"), "24");
    await user.click(screen.getByRole("button", { name: "Create the call" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The call's configuration has faults; each is named in `errors`.");
    expect(alert).toHaveTextContent("3 problems are marked below.");
    expect(within(group("Phases")).getByLabelText("Evaluation opens")).toHaveAccessibleDescription(
      "the evaluation phase opens before the submission phase closes",
    );
    expect(within(criterionRow(2)).getByLabelText("Weight")).toHaveAccessibleDescription(/^Input should be greater than 0/);
    expect(screen.getByLabelText("Target of target 1")).toHaveAccessibleDescription("targets.1 already sets this target");
  });

  it("shows a taken code (409) at the code", async () => {
    const api = createFakeApi();
    api.on(`POST ${CALLS}`, () =>
      problem(409, "Call code taken", "There is already a call with the code 'TEX4IM-2027'; choose another.", {
        errors: [{ field: "body.code", message: "'TEX4IM-2027' is taken", code: "taken" }],
      }),
    );
    const { user } = renderApp("/calls/new", api);
    await screen.findByRole("heading", { level: 1, name: "New call" });
    await user.type(within(group("Basics")).getByLabelText("Code"), "TEX4IM-2027");
    await user.type(within(group("Basics")).getByLabelText("Title"), "Again");
    await user.click(screen.getByRole("button", { name: "Create the call" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The change was refused");
    expect(within(group("Basics")).getByLabelText("Code")).toHaveAccessibleDescription(/^'TEX4IM-2027' is taken/);
  });

  it("is for the admin only", async () => {
    renderApp("/calls/new", createFakeApi({ me: MEMBER }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Only the consortium administrator can do this.");
    expect(screen.queryByRole("button", { name: "Create the call" })).not.toBeInTheDocument();
  });
});

describe("the call edit form", () => {
  it("is filled with the call and saves it with If-Match, the status move included", async () => {
    const api = createFakeApi();
    const { user, router } = renderApp(`/calls/${CALL_IDS.published}/edit`, api);
    expect(await screen.findByRole("heading", { level: 1, name: "Edit “Interregional circular textiles 2027”" })).toBeInTheDocument();
    const basics = group("Basics");
    expect(within(basics).getByLabelText("Code")).toHaveValue("TEX4IM-2027");
    expect(within(group("Rules")).getByLabelText("Proposals per region at most")).toHaveValue("3");
    expect(within(group("Rules")).getByLabelText("Divergence threshold")).toHaveValue("2");
    expect(
      within(within(basics).getByLabelText("Status")).getAllByRole("option").map((option) => option.textContent),
    ).toEqual(["Published", "Archived", "Draft"]);

    await user.clear(within(group("Rules")).getByLabelText("Proposals per region at most"));
    await user.selectOptions(within(basics).getByLabelText("Status"), "archived");
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/calls/${CALL_IDS.published}`));
    const [patch] = api.callsTo("PATCH", PUBLISHED);
    expect(patch?.headers.get("If-Match")).toBe('"4"');
    expect(patch?.body).toMatchObject({ status: "archived", max_proposals_per_region: null, code: "TEX4IM-2027" });
    expect(await screen.findByRole("status")).toHaveTextContent("Your changes were saved.");
  });

  it("offers to reload when someone else saved in between (412)", async () => {
    const api = createFakeApi();
    api.on(`PATCH ${PUBLISHED}`, () =>
      problem(412, "Precondition failed", "The record has changed since you read it (it is now version 5). Reload it and try again."),
    );
    const { user } = renderApp(`/calls/${CALL_IDS.published}/edit`, api);
    await screen.findByRole("heading", { level: 1, name: /^Edit/ });
    await user.clear(within(group("Basics")).getByLabelText("Title"));
    await user.type(within(group("Basics")).getByLabelText("Title"), "My title");
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Someone else changed this call");
    expect(alert).toHaveTextContent("it is now version 5");
    api.on(`GET ${PUBLISHED}`, () =>
      withHeaders(json({ ...PUBLISHED_CALL, title: "Their title", version: 5 }), { ETag: '"5"' }),
    );
    await user.click(within(alert).getByRole("button", { name: "Reload the current version" }));
    expect(await screen.findByText("The current version was loaded. Make your change again and save.")).toBeInTheDocument();
    expect(within(group("Basics")).getByLabelText("Title")).toHaveValue("Their title");

    api.on(`PATCH ${PUBLISHED}`, (call) => withHeaders(json({ ...PUBLISHED_CALL, ...(call.body as object), version: 6 }), { ETag: '"6"' }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(api.callsTo("PATCH", PUBLISHED)).toHaveLength(2));
    expect(api.callsTo("PATCH", PUBLISHED)[1]?.headers.get("If-Match")).toBe('"5"');
  });

  it("shows a refused rubric change (409) at the rubric", async () => {
    const api = createFakeApi();
    api.on(`PATCH ${PUBLISHED}`, () =>
      problem(409, "Call change refused", "Evaluators have already given 12 scores on this call's criteria, so their keys, weights, thresholds and order can no longer change (titles and descriptions still can)."),
    );
    const { user } = renderApp(`/calls/${CALL_IDS.published}/edit`, api);
    await screen.findByRole("heading", { level: 1, name: /^Edit/ });
    await user.click(within(criterionRow(0)).getByRole("button", { name: "Move Criterion 1 down" }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The change was refused");
    expect(alert).toHaveTextContent("Evaluators have already given 12 scores");
  });
});
