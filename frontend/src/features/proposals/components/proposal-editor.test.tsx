import { configure, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { ME, PROPOSAL_IDS, proposalDetail } from "@/testing/data";
import { createFakeApi, json, problem, withHeaders } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

// the first render loads the route's code: slower than the default second on a busy machine
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 8_000 });

const DRAFT = `/api/proposals/proposals/${PROPOSAL_IDS.draft}`;
/** A member of the lead organisation: a co-author who reads the private answers. */
const LEAD_MEMBER = { ...ME, memberships: [{ role: "member" as const, region: "ITI1", organisation_id: PROPOSAL_IDS.lead }] };
/** A member of a confirmed partner organisation: a co-author who does not read the private answers. */
const PARTNER_MEMBER = {
  ...ME,
  memberships: [{ role: "member" as const, region: "ES52", organisation_id: PROPOSAL_IDS.partnerEs52 }],
};

function editorApi(me: typeof ME = LEAD_MEMBER) {
  return createFakeApi({ me });
}

async function openEditor(api = editorApi()) {
  const view = renderApp(`/proposals/${PROPOSAL_IDS.draft}`, api);
  const form = await screen.findByRole("form", { name: "Edit the proposal" });
  return { ...view, form };
}

describe("the proposal's header and tabs", () => {
  it("shows reference, acronym, title, stage, call and lead, and keeps the tab in the address", async () => {
    const { user, router, container } = renderApp(`/proposals/${PROPOSAL_IDS.draft}`, editorApi());
    expect(await screen.findByRole("heading", { level: 1, name: "Regenerated wool for knitwear" })).toBeInTheDocument();
    const page = container.querySelector(`.proposal-page[data-proposal-id="${PROPOSAL_IDS.draft}"]`);
    expect(page).toHaveAttribute("data-stage", "draft");
    expect(page).toHaveTextContent("TEX4IM-2027-ITI1-001 · REWOOL");
    expect(page?.querySelector('.stage-badge[data-stage="draft"]')).toHaveTextContent("Draft");
    expect(page?.querySelector('[data-field="call"]')).toHaveTextContent("TEX4IM-2027");
    expect(page?.querySelector('[data-field="lead"]')).toHaveTextContent("Lanificio Demo Prato · Toscana (ITI1)");

    const overview = screen.getByRole("tab", { name: "Overview" });
    expect(overview).toHaveAttribute("aria-selected", "true");
    overview.focus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: /Partners/ })).toHaveFocus();
    await waitFor(() => expect(router.state.location.search).toBe("?tab=partners"));
    expect(screen.getByRole("tabpanel", { name: /Partners/ })).toBeInTheDocument();
    await user.keyboard("{End}");
    await waitFor(() => expect(router.state.location.search).toBe("?tab=timeline"));
  });
});

describe("editing a proposal", () => {
  it("checks the fields before sending: required title, amounts, requested within the budget, answers' types", async () => {
    const api = editorApi();
    const { user, form } = await openEditor(api);
    const title = within(form).getByLabelText("Title (required to submit)");
    await user.clear(title);
    const budget = within(form).getByLabelText("Total budget (EUR) (required to submit)");
    await user.clear(budget);
    await user.type(budget, "12,34,5");
    const requested = within(form).getByLabelText("Requested funding (EUR) (required to submit)");
    await user.clear(requested);
    await user.type(requested, "300000");
    await user.type(within(form).getByLabelText("Project website"), "www.example.com");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    expect(title).toHaveAttribute("aria-invalid", "true");
    expect(title).toHaveAccessibleDescription("Required.");
    expect(title).toHaveFocus();
    expect(budget).toHaveAccessibleDescription(/Write an amount in euros/);
    expect(within(form).getByLabelText("Project website")).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
    expect(api.callsTo("PATCH", DRAFT)).toHaveLength(0);

    await user.clear(budget);
    await user.type(budget, "250000");
    await user.type(title, "Wool again");
    await user.clear(within(form).getByLabelText("Project website"));
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    expect(requested).toHaveAccessibleDescription(/cannot exceed the total budget/);
    expect(api.callsTo("PATCH", DRAFT)).toHaveLength(0);
  });

  it("sends only what changed, with If-Match, amounts as decimal strings and answers key by key", async () => {
    const api = editorApi();
    const { user, form } = await openEditor(api);
    // reformatting an amount on blur is not a change
    const budget = within(form).getByLabelText("Total budget (EUR) (required to submit)");
    expect(budget).toHaveValue("250,000");
    await user.click(budget);
    await user.tab();
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("Nothing has changed since the last save.")).toBeInTheDocument();

    const requested = within(form).getByLabelText("Requested funding (EUR) (required to submit)");
    await user.clear(requested);
    await user.type(requested, "180,000.50");
    await user.tab();
    expect(requested).toHaveValue("180,000.50");
    await user.click(within(form).getByRole("checkbox", { name: "Industry 4.0" }));
    await user.type(within(form).getByLabelText(/Target market/), "Premium knitwear brands");
    await user.click(within(within(form).getByRole("group", { name: "Co-funded by the region" })).getByRole("radio", { name: "Yes" }));
    await user.type(within(form).getByLabelText("Jobs created"), "12");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    expect(await screen.findByText("Changes saved.")).toBeInTheDocument();
    const [patch] = api.callsTo("PATCH", DRAFT);
    expect(patch?.headers.get("If-Match")).toBe('"4"');
    expect(patch?.body).toEqual({
      priorities: ["circular_economy", "industry_4_0"],
      requested_eur: "180000.50",
      answers: { market: "Premium knitwear brands", jobs: 12, cofunded: true },
    });
  });

  it("marks the call's questions: required to submit, help text, private to evaluators, locked after its date", async () => {
    const { form } = await openEditor();
    expect(within(form).getByLabelText("Target market (required to submit)")).toHaveAccessibleDescription(
      "Who buys the result, and where.",
    );
    expect(within(form).getByLabelText("Commercial risks")).toHaveAccessibleDescription(/Visible to evaluators only/);
    expect(within(form).getByLabelText("Commercial risks")).toHaveValue("Supply of sorted wool.");
    const locked = within(form).getByLabelText("Letter of intent reference");
    expect(locked).toBeDisabled();
    expect(locked).toHaveAccessibleDescription(/Locked since .*: the answer can no longer change/);
  });

  it("does not let a partner organisation's member overwrite a private answer it cannot read", async () => {
    const api = editorApi(PARTNER_MEMBER);
    // the API leaves out the private answer for a partner organisation's member
    api.on(`GET ${DRAFT}`, () => withHeaders(json(proposalDetail({ answers: { fibre: "wool" } })), { ETag: '"4"' }));
    const { form } = await openEditor(api);
    const risks = within(form).getByLabelText("Commercial risks");
    expect(risks).toBeDisabled();
    expect(risks).toHaveAccessibleDescription(/you cannot see or change the answer/);
  });

  it("keeps the edits on a 412, says what the other person changed, and saves them on top of the current version", async () => {
    const api = editorApi();
    let current = proposalDetail();
    api.on(`GET ${DRAFT}`, () => withHeaders(json(current), { ETag: `"${current.version}"` }));
    api.on(`PATCH ${DRAFT}`, (call) => {
      if (call.headers.get("If-Match") !== `"${current.version}"`) {
        return problem(412, "Precondition failed", `The record has changed since you read it (it is now version ${current.version}). Reload it and try again.`);
      }
      current = { ...current, ...(call.body as object), version: current.version + 1 };
      return withHeaders(json(current), { ETag: `"${current.version}"` });
    });
    const { user, form } = await openEditor(api);

    // someone else saves a new title and acronym first
    current = { ...current, title: "Regenerated wool for premium knitwear", acronym: "REWOOL2", version: 5 };
    const summary = within(form).getByLabelText(/^Summary/);
    await user.clear(summary);
    await user.type(summary, "A shorter summary.");
    await user.clear(within(form).getByLabelText("Acronym"));
    await user.type(within(form).getByLabelText("Acronym"), "RW");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    const alert = await screen.findByTestId("stale-alert");
    expect(alert).toHaveAttribute("role", "alert");
    expect(alert).toHaveTextContent("Someone else changed this proposal");
    expect(alert).toHaveTextContent("The record has changed since you read it (it is now version 5).");
    const changed = within(alert).getByRole("list", { name: "Fields changed by someone else" });
    expect(within(changed).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Title",
      "Acronym — you changed it too",
    ]);
    // the edits are still there
    expect(summary).toHaveValue("A shorter summary.");

    await user.click(within(alert).getByRole("button", { name: "Keep my changes on the current version" }));
    expect(screen.queryByTestId("stale-alert")).not.toBeInTheDocument();
    expect(within(form).getByLabelText("Title (required to submit)")).toHaveValue("Regenerated wool for premium knitwear");
    expect(within(form).getByLabelText("Acronym")).toHaveValue("RW");
    expect(summary).toHaveValue("A shorter summary.");

    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("Changes saved.")).toBeInTheDocument();
    const retry = api.callsTo("PATCH", DRAFT).at(-1);
    expect(retry?.headers.get("If-Match")).toBe('"5"');
    expect(retry?.body).toEqual({ acronym: "RW", summary: "A shorter summary." });
  });

  it("reloads the current version on request, discarding the edits", async () => {
    const api = editorApi();
    let current = proposalDetail();
    api.on(`GET ${DRAFT}`, () => withHeaders(json(current), { ETag: `"${current.version}"` }));
    api.on(`PATCH ${DRAFT}`, () => problem(412, "Precondition failed", "The record has changed since you read it."));
    const { user, form } = await openEditor(api);
    current = { ...current, summary: "Their summary.", version: 6 };
    await user.type(within(form).getByLabelText("Acronym"), "X");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    const alert = await screen.findByTestId("stale-alert");
    await user.click(within(alert).getByRole("button", { name: "Reload the current version" }));
    expect(within(form).getByLabelText("Acronym")).toHaveValue("REWOOL");
    expect(within(form).getByLabelText(/^Summary/)).toHaveValue("Their summary.");
    expect(screen.getByText(/your unsaved edits were discarded/)).toBeInTheDocument();
  });

  it("shows the fields read-only when the person may not change the proposal", async () => {
    renderApp(`/proposals/${PROPOSAL_IDS.submitted}`, editorApi());
    expect(await screen.findByRole("heading", { level: 1, name: "Digital twin of a spinning line" })).toBeInTheDocument();
    expect(await screen.findByTestId("read-only-note")).toHaveTextContent("The proposal is in the stage “Submitted”");
    expect(screen.queryByRole("form", { name: "Edit the proposal" })).not.toBeInTheDocument();
    expect(screen.getByText("€250,000")).toBeInTheDocument();
    expect(screen.getByText("TRL 5")).toBeInTheDocument();
  });
});
