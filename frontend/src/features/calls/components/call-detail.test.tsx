import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { CALL_IDS, ME } from "@/testing/data";
import { createFakeApi } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const PAGE = `/calls/${CALL_IDS.published}`;
const MANAGER = { ...ME, memberships: [{ role: "cluster_manager" as const, region: "ITI1", organisation_id: null }] };
const MEMBER = { ...ME, memberships: [{ role: "member" as const, region: "ITI1", organisation_id: null }] };

function section(name: string): HTMLElement {
  return screen.getByRole("heading", { level: 2, name }).closest("section")!;
}

describe("a call's page", () => {
  it("shows the phases on a timeline and the rules in plain words", async () => {
    renderApp(PAGE);
    expect(await screen.findByRole("heading", { level: 1, name: "Interregional circular textiles 2027" })).toBeInTheDocument();
    const timeline = within(section("Phases")).getByRole("list", { name: "Phases" });
    const phases = within(timeline).getAllByRole("listitem");
    expect(phases.map((phase) => phase.dataset.phase)).toEqual(["submission", "evaluation"]);
    expect(phases[0]).toHaveAttribute("aria-current", "step");
    expect(phases[0]).toHaveTextContent("Under way now");
    expect(phases[1]).toHaveTextContent("Still to come");

    const rules = within(section("Rules")).getAllByRole("listitem").map((item) => item.textContent);
    expect(rules).toEqual([
      "Partners from at least 2 regions",
      "At most 3 proposals per region",
      "3 evaluators for each proposal",
      "Evaluators never come from the lead's region",
      "Scores more than 2 points apart on a criterion call for one more evaluator",
      "Fundable with a weighted total of at least 3 out of 5 and every criterion at its threshold",
      "2 proposals selected, 1 on the reserve list",
      "At most 1 proposal selected per region",
      "Equal totals are separated by a higher score on the first criterion (then the next), more partner regions, and the earlier submission, in that order",
      "After the decisions, applicants see the outcome, the scores and the panel's comments",
    ]);
  });

  it("shows the priorities, the form's questions and the rubric with weights as percentages", async () => {
    renderApp(PAGE);
    await screen.findByRole("heading", { level: 1 });
    expect(within(section("Eligible thematic priorities")).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Circular economy",
      "Advanced materials",
    ]);
    expect(section("Questions on the proposal form").querySelector('[data-field-key="pilot_site"]')).toHaveTextContent(
      "Where would the pilot run? (choice · required) Choices: A mill / A lab",
    );
    const rubric = within(section("Rubric")).getByRole("table");
    const rows = within(rubric).getAllByRole("row").slice(1);
    expect(rows.map((row) => [row.dataset.criterion, row.querySelector("[data-share]")?.textContent])).toEqual([
      ["excellence", "30%"],
      ["impact", "30%"],
      ["implementation", "20%"],
      ["partnership", "20%"],
    ]);
    expect(rows[2]).toHaveTextContent("2.5 / 5");
  });

  it("shows each target as a progress bar with its numbers, and the ones not counted yet", async () => {
    renderApp(PAGE);
    const targets = await within(await screen.findByRole("region", { name: "Targets" })).findByRole("list", {
      name: "Targets and what has been reached",
    });
    const items = within(targets).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("Proposals · All regions · all years");
    expect(items[0]).toHaveTextContent("6 of 24 (25%)");
    expect(within(items[0]!).getByRole("progressbar", { name: "Proposals · All regions · all years" })).toHaveAttribute("value", "6");
    expect(items[1]).toHaveTextContent("3 of 3 (100%)");
    expect(items[2]).toHaveTextContent("Business plans · All regions · 2027");
    expect(items[2]).toHaveTextContent("Target 10: not counted yet");
    expect(within(items[2]!).queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("lists the pipeline's stages in order with the steps between them and who takes each", async () => {
    renderApp(PAGE);
    const pipeline = await screen.findByRole("list", { name: "Stages of the pipeline" });
    const stages = pipeline.querySelectorAll(":scope > li");
    expect([...stages].map((stage) => (stage as HTMLElement).dataset.stage)).toEqual([
      "draft",
      "submitted",
      "screening",
      "evaluation",
      "portfolio",
      "closed",
      "rejected",
      "withdrawn",
    ]);
    const screening = pipeline.querySelector('[data-stage="screening"]') as HTMLElement;
    expect(within(screening).getByRole("list", { name: "Steps out of Screening" })).toHaveTextContent(
      "Admit to evaluation → Evaluation — by the lead region's cluster managers and the consortium admin · only once screening found it eligible",
    );
    expect(screening.querySelector('[data-transition="reject_ineligible"]')).toHaveTextContent("a comment is required");
    expect(pipeline.querySelector('[data-stage="rejected"]')).toHaveTextContent("Proposals end here.");
  });

  it("gives the admin the export, the proposals, the panel, the pipeline and Edit", async () => {
    renderApp(PAGE);
    const actions = await screen.findByRole("navigation", { name: "What you can do with this call" });
    expect(within(actions).getByRole("link", { name: "Export proposals (CSV)" })).toHaveAttribute(
      "href",
      `/api/proposals/calls/${CALL_IDS.published}/proposals/export?format=csv`,
    );
    expect(within(actions).getByRole("link", { name: "Export proposals (XLSX)" })).toHaveAttribute(
      "href",
      `/api/proposals/calls/${CALL_IDS.published}/proposals/export?format=xlsx`,
    );
    expect(within(actions).getByRole("link", { name: "Proposals of this call" })).toHaveAttribute(
      "href",
      `/proposals?call=${CALL_IDS.published}`,
    );
    expect(within(actions).getByRole("link", { name: "Panel" })).toHaveAttribute("href", `${PAGE}/panel`);
    expect(within(actions).getByRole("link", { name: "Edit" })).toHaveAttribute("href", `${PAGE}/edit`);
    expect(within(actions).getByRole("link", { name: "Edit the pipeline" })).toHaveAttribute("href", `${PAGE}/pipeline`);
  });

  it("gives a manager the export and the proposals only, and a member nothing of it", async () => {
    const { unmount } = renderApp(PAGE, createFakeApi({ me: MANAGER }));
    const actions = await screen.findByRole("navigation", { name: "What you can do with this call" });
    expect(within(actions).getByRole("link", { name: "Export proposals (CSV)" })).toBeInTheDocument();
    expect(within(actions).queryByRole("link", { name: "Panel" })).not.toBeInTheDocument();
    expect(within(actions).queryByRole("link", { name: "Edit" })).not.toBeInTheDocument();
    unmount();

    renderApp(PAGE, createFakeApi({ me: MEMBER }));
    await screen.findByRole("heading", { level: 1, name: "Interregional circular textiles 2027" });
    expect(screen.queryByRole("navigation", { name: "What you can do with this call" })).not.toBeInTheDocument();
  });

  it("says a call that does not exist (or is a draft) cannot be seen", async () => {
    renderApp("/calls/c0110000-0000-4000-8000-000000000099");
    expect(await screen.findByRole("alert")).toHaveTextContent("The fake API has no route");
    expect(screen.getByRole("link", { name: "← All calls" })).toHaveAttribute("href", "/calls");
  });
});
