import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { CALL_IDS, EVALUATOR_POOL, ME, STAGED_DECISIONS } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const PAGE = `/calls/${CALL_IDS.published}/panel`;
const CALL = `/api/proposals/calls/${CALL_IDS.published}`;
const MANAGER = { ...ME, memberships: [{ role: "cluster_manager" as const, region: "ITI1", organisation_id: null }] };

function section(name: string): HTMLElement {
  return screen.getByRole("heading", { level: 2, name }).closest("section")!;
}

function staffing(proposalId: string): HTMLElement {
  return document.querySelector(`li.staffing[data-proposal-id="${proposalId}"]`) as HTMLElement;
}

describe("the panel: assignments", () => {
  it("runs the automatic assignment and reports what it added and who is still short, and why", async () => {
    const api = createFakeApi();
    const { user } = renderApp(PAGE, api);
    expect(await screen.findByRole("heading", { level: 1, name: "Panel of TEX4IM-2027" })).toBeInTheDocument();
    await user.click(within(section("Assignments")).getByRole("button", { name: "Assign evaluators automatically" }));
    const report = await screen.findByTestId("auto-report");
    expect(within(report).getByRole("status")).toHaveTextContent("1 new assignment, 0 moved away; 1 proposals still short.");
    expect(report.querySelector('[data-report="added"]')).toHaveTextContent("TEX4IM-2027-PT11-002: Carla Dias");
    expect(report.querySelector('[data-report="short"]')).toHaveTextContent(
      "TEX4IM-2027-ES52-003: 1 evaluator missing (2 of 3) — Every other active evaluator has a conflict of interest or a full load.",
    );
    expect(api.callsTo("POST", `${CALL}/assignments/auto`)[0]?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lists each proposal under evaluation with its evaluators, their reviews and how far it is", async () => {
    renderApp(PAGE);
    const list = await screen.findByRole("list", { name: "Proposals under evaluation and their evaluators" });
    expect(within(list).getAllByRole("listitem").length).toBeGreaterThanOrEqual(4);
    const ready = staffing(CALL_IDS.readyProposal);
    expect(within(ready).getByTestId("review-progress")).toHaveTextContent("3 of 3 reviews submitted · consensus finalised, total 3.9");
    expect(within(ready).getByRole("link", { name: "Open the evaluation of TEX4IM-2027-ITI1-001" })).toHaveAttribute(
      "href",
      `/proposals/${CALL_IDS.readyProposal}/evaluation`,
    );
    const pending = staffing(CALL_IDS.pendingProposal);
    expect(within(pending).getByTestId("review-progress")).toHaveTextContent(
      "1 of 3 reviews submitted · 1 evaluator missing · No consensus yet.",
    );
    const rows = within(within(pending).getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((row) => [row.querySelector("th")?.textContent, row.dataset.status])).toEqual([
      ["Anna Bianchi", "submitted"],
      ["Bruno Costa", "assigned"],
    ]);
    expect(within(rows[0]!).queryByRole("button", { name: /Remove/ })).not.toBeInTheDocument();
    expect(within(staffing(CALL_IDS.reserveProposal)).getByText("No evaluator yet.")).toBeInTheDocument();
  });

  it("removes an assignment whose review is not in, with the reason", async () => {
    const api = createFakeApi();
    api.on("DELETE /api/proposals/assignments/a0a00000-0000-4000-8000-000000000005", () => new Response(null, { status: 204 }));
    const { user } = renderApp(PAGE, api);
    await screen.findByRole("list", { name: "Proposals under evaluation and their evaluators" });
    const pending = staffing(CALL_IDS.pendingProposal);
    await user.click(within(pending).getByRole("button", { name: "Remove Bruno Costa" }));
    await user.type(within(pending).getByLabelText("Why (optional, for the record)"), "On leave");
    await user.click(within(pending).getByRole("button", { name: "Yes, remove Bruno Costa" }));
    await waitFor(() =>
      expect(api.callsTo("DELETE", "/api/proposals/assignments/a0a00000-0000-4000-8000-000000000005")).toHaveLength(1),
    );
    const [withdrawn] = api.callsTo("DELETE", "/api/proposals/assignments/a0a00000-0000-4000-8000-000000000005");
    expect(new URLSearchParams(withdrawn?.search).get("reason")).toBe("On leave");
  });

  it("adds an evaluator by hand from the pool, and shows a refusal next to the picker", async () => {
    const api = createFakeApi();
    api.on("GET /api/proposals/evaluators", () => json({ items: EVALUATOR_POOL.map((e) => ({ ...e, active: true })), next_cursor: null }));
    api.on(`POST /api/proposals/proposals/${CALL_IDS.reserveProposal}/assignments`, () =>
      problem(409, "Conflict of interest", "Ana Avaliadora works for a partner of TEX4IM-2027-ES52-003."),
    );
    const { user } = renderApp(PAGE, api);
    await screen.findByRole("list", { name: "Proposals under evaluation and their evaluators" });
    const reserve = staffing(CALL_IDS.reserveProposal);
    const picker = within(reserve).getByLabelText("Add an evaluator");
    await waitFor(() => expect(within(picker).getAllByRole("option")).toHaveLength(1 + EVALUATOR_POOL.length));
    await user.selectOptions(picker, EVALUATOR_POOL[1]!.id);
    await user.click(within(reserve).getByRole("button", { name: "Assign" }));
    expect(await within(reserve).findByRole("alert")).toHaveTextContent("Ana Avaliadora works for a partner of TEX4IM-2027-ES52-003.");
    expect(picker).toHaveAccessibleDescription("Ana Avaliadora works for a partner of TEX4IM-2027-ES52-003.");
    expect(api.callsTo("POST", `/api/proposals/proposals/${CALL_IDS.reserveProposal}/assignments`)[0]?.body).toEqual({
      evaluator_id: EVALUATOR_POOL[1]!.id,
    });
  });

  it("is for the admin only", async () => {
    renderApp(PAGE, createFakeApi({ me: MANAGER }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Only the consortium administrator can do this.");
  });
});

describe("the panel: ranking", () => {
  it("shows rank, total, the score of each criterion, the tie-break note and the outcome with its reason", async () => {
    renderApp(PAGE);
    const ranking = await within(await screen.findByRole("region", { name: "Ranking" })).findByRole("table");
    const header = within(ranking).getAllByRole("columnheader").map((cell) => cell.textContent);
    expect(header).toEqual([
      "Rank",
      "Proposal",
      "Total",
      "Excellence & innovation",
      "Impact on the regions' value chains",
      "Quality of implementation",
      "Interregional partnership",
      "Tie-break",
      "Outcome",
    ]);
    const rows = within(ranking).getAllByRole("row").slice(1);
    expect(rows.map((row) => [row.dataset.rank, row.dataset.outcome])).toEqual([
      ["1", "selected"],
      ["2", "reserve"],
      ["3", "selected"],
    ]);
    expect(rows[0]).toHaveTextContent("TEX4IM-2027-ITI1-001");
    expect(within(rows[0]!).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "1",
      "3.9",
      "4",
      "4",
      "3",
      "4.5",
      "",
      "Selected selected: rank 1 of 2 places",
    ]);
    expect(rows[1]).toHaveTextContent("Ahead of TEX4IM-2027-ES52-003 on Excellence & innovation (4.0 against 3.5).");
    expect(rows[1]).toHaveTextContent("Reserve skipped: region cap (ITI1 already has 1 selected)");
    expect(screen.getByTestId("ranking-counts")).toHaveTextContent(
      "3 proposals ranked: 2 selected, 1 on the reserve list, 0 rejected",
    );
    expect(screen.getByTestId("not-ready")).toHaveTextContent("TEX4IM-2027-PT11-002 Low-water dyeing: No consensus yet.");
  });
});

describe("the panel: decisions", () => {
  it("stages the decisions from the ranking, and overrides one with a note", async () => {
    const api = createFakeApi();
    api.on(`PATCH ${CALL}/decisions/${CALL_IDS.cappedProposal}`, (call) =>
      json({ ...STAGED_DECISIONS.items[1], ...(call.body as object) }),
    );
    const { user } = renderApp(PAGE, api);
    const decisions = (await screen.findByRole("heading", { level: 2, name: "Decisions" })).closest("section")!;
    expect(await within(decisions).findByText("No decisions staged yet.")).toBeInTheDocument();
    expect(within(decisions).queryByRole("button", { name: "Release decisions" })).not.toBeInTheDocument();
    await user.click(within(decisions).getByRole("button", { name: "Stage decisions from the ranking" }));
    expect(await within(decisions).findByRole("status")).toHaveTextContent("3 decisions staged from the ranking.");
    expect(within(decisions).getByTestId("decision-counts")).toHaveTextContent("2 selected · 1 reserve · 0 rejected");

    await user.click(within(decisions).getByRole("button", { name: "Override the decision on TEX4IM-2027-ITI1-005" }));
    const form = within(decisions).getByRole("form", { name: "Override the decision on TEX4IM-2027-ITI1-005" });
    await user.selectOptions(within(form).getByLabelText("Outcome"), "selected");
    await user.click(within(form).getByRole("button", { name: "Save the override" }));
    expect(within(form).getByLabelText("Why the panel decided otherwise")).toHaveAccessibleDescription(
      "Say why the panel decided otherwise.",
    );
    await user.type(within(form).getByLabelText("Why the panel decided otherwise"), "Strategic for the Tuscan pilot.");
    await user.click(within(form).getByRole("button", { name: "Save the override" }));
    await waitFor(() => expect(api.callsTo("PATCH", `${CALL}/decisions/${CALL_IDS.cappedProposal}`)).toHaveLength(1));
    expect(api.callsTo("PATCH", `${CALL}/decisions/${CALL_IDS.cappedProposal}`)[0]?.body).toEqual({
      outcome: "selected",
      note: "Strategic for the Tuscan pilot.",
    });
    const row = decisions.querySelector(`tr[data-proposal-id="${CALL_IDS.cappedProposal}"]`)!;
    await waitFor(() => expect(row).toHaveAttribute("data-outcome", "selected"));
    expect(row).toHaveTextContent("Strategic for the Tuscan pilot.");
  });

  it("releases the decisions only after a confirmation that says it notifies applicants and cannot be undone", async () => {
    const api = createFakeApi();
    api.on(`GET ${CALL}/decisions`, () => json(STAGED_DECISIONS));
    const { user } = renderApp(PAGE, api);
    const decisions = (await screen.findByRole("heading", { level: 2, name: "Decisions" })).closest("section")!;
    const release = await within(decisions).findByRole("button", { name: "Release decisions" });

    await user.click(release);
    let dialog = screen.getByRole("dialog", { name: "Release the decisions of TEX4IM-2027?" });
    expect(dialog).toHaveTextContent("2 selected, 1 on the reserve list, 0 rejected.");
    expect(dialog).toHaveTextContent("Every applicant is notified of their outcome");
    expect(dialog).toHaveTextContent("This cannot be undone");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(release).toHaveFocus();
    expect(api.callsTo("POST", `${CALL}/decisions/release`)).toHaveLength(0);

    await user.click(release);
    dialog = screen.getByRole("dialog", { name: "Release the decisions of TEX4IM-2027?" });
    await user.click(within(dialog).getByRole("button", { name: "Release and notify applicants" }));
    expect(await within(decisions).findByTestId("released")).toHaveTextContent("The decisions were released on");
    expect(within(decisions).getByRole("status")).toHaveTextContent("The decisions are released and the applicants notified.");
    expect(within(decisions).queryByRole("button", { name: "Release decisions" })).not.toBeInTheDocument();
    expect(within(decisions).queryByRole("button", { name: /^Override/ })).not.toBeInTheDocument();
    const [released] = api.callsTo("POST", `${CALL}/decisions/release`);
    expect(released?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("shows why staging was refused", async () => {
    const api = createFakeApi();
    api.on(`POST ${CALL}/decisions/stage`, () =>
      problem(409, "Evaluation not ready", "Every proposal under evaluation needs a finalised consensus first: TEX4IM-2027-PT11-002."),
    );
    const { user } = renderApp(PAGE, api);
    const decisions = (await screen.findByRole("heading", { level: 2, name: "Decisions" })).closest("section")!;
    await user.click(await within(decisions).findByRole("button", { name: "Stage decisions from the ranking" }));
    expect(await within(decisions).findByRole("alert")).toHaveTextContent(
      "Every proposal under evaluation needs a finalised consensus first: TEX4IM-2027-PT11-002.",
    );
  });
});
