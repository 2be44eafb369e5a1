import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { CALL_IDS, consensusAnswer, EVALUATION, ME } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const PAGE = `/proposals/${CALL_IDS.readyProposal}/evaluation`;
const API = `/api/proposals/proposals/${CALL_IDS.readyProposal}`;
const MANAGER = { ...ME, memberships: [{ role: "cluster_manager" as const, region: "ITI1", organisation_id: null }] };

function consensus(): HTMLElement {
  return screen.getByTestId("consensus");
}

describe("a proposal's evaluation", () => {
  it("shows the reviews side by side with each criterion's mean, lowest, highest and the divergence", async () => {
    renderApp(PAGE);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Evaluation of TEX4IM-2027-ITI1-001 – Regenerated carded wool" }),
    ).toBeInTheDocument();
    expect(screen.getByTestId("readiness")).toHaveTextContent("Ready for the consensus: 3 of 3 reviews submitted.");
    const table = screen.getByRole("table", { name: /Each criterion with every submitted review's score/ });
    expect(within(table).getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual([
      "Criterion",
      "Anna Bianchi",
      "Bruno Costa",
      "Carla Dias",
      "Mean",
      "Lowest",
      "Highest",
      "Spread",
    ]);
    const impact = table.querySelector('tr[data-criterion="impact"]') as HTMLElement;
    expect(impact).toHaveAttribute("data-divergent", "true");
    expect(within(impact).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "4.5",
      "2",
      "4.5",
      "3.67",
      "2",
      "4.5",
      "Divergent (2.5 apart)",
    ]);
    expect(table.querySelector('tr[data-criterion="excellence"]')).toHaveAttribute("data-divergent", "false");
    expect(screen.getByRole("list", { name: "Reviews" })).toHaveTextContent("Impact comment by Bruno Costa.");
  });

  it("prefills the consensus from the suggestion and shows the total and pass or fail as it is edited", async () => {
    const { user } = renderApp(PAGE);
    await screen.findByRole("heading", { level: 1 });
    const impact = await within(consensus()).findByLabelText("Agreed score for Impact on the regions' value chains");
    expect(impact).toHaveValue("3.5");
    expect(within(consensus()).getByLabelText("Agreed score for Excellence & innovation")).toHaveValue("4");
    const total = within(consensus()).getByTestId("live-total");
    // 0.3 × 4 + 0.3 × 3.5 + 0.2 × 3 + 0.2 × 4
    expect(total).toHaveTextContent("Weighted total 3.65");
    expect(total).toHaveTextContent("passes (needs 3 and every threshold)");
    expect(within(consensus()).getByTestId("consensus-state")).toHaveTextContent("Not written yet");

    await user.selectOptions(impact, "2.5");
    expect(total).toHaveTextContent("Weighted total 3.35");
    expect(total).toHaveTextContent("does not pass (needs 3 and every threshold)");
    expect(impact.closest("tr")).toHaveTextContent("below its threshold");
    await user.selectOptions(impact, "");
    expect(total).toHaveTextContent("Give every criterion a score to see whether it passes.");
  });

  it("saves the consensus (no If-Match the first time, then the version) and finalises it", async () => {
    const api = createFakeApi();
    api.on(`POST ${API}/consensus/finalise`, (call) =>
      json(consensusAnswer([], "Strong regional anchoring.", Number(call.headers.get("If-Match")?.replace(/\D/g, "")), true)),
    );
    const { user } = renderApp(PAGE, api);
    await screen.findByRole("heading", { level: 1 });
    const finalise = await within(consensus()).findByRole("button", { name: "Finalise" });
    expect(finalise).toBeDisabled();
    expect(finalise).toHaveAccessibleDescription("Save the consensus before finalising it.");

    await user.selectOptions(within(consensus()).getByLabelText("Agreed score for Impact on the regions' value chains"), "4");
    await user.type(within(consensus()).getByLabelText("Comment on Impact on the regions' value chains"), "Two reviewers agree.");
    await user.type(within(consensus()).getByLabelText("Summary of the panel's assessment"), "Strong regional anchoring.");
    await user.click(within(consensus()).getByRole("button", { name: "Save the consensus" }));
    expect(await within(consensus()).findByText("The consensus was saved.")).toHaveAttribute("role", "status");
    const [first] = api.callsTo("PUT", `${API}/consensus`);
    expect(first?.headers.get("If-Match")).toBeNull();
    expect(first?.body).toEqual({
      scores: [
        { criterion: "excellence", value: "4", comment: "" },
        { criterion: "impact", value: "4", comment: "Two reviewers agree." },
        { criterion: "implementation", value: "3", comment: "" },
        { criterion: "partnership", value: "4", comment: "" },
      ],
      summary: "Strong regional anchoring.",
    });
    expect(within(consensus()).getByTestId("consensus-state")).toHaveTextContent("Saved, not finalised.");

    await user.type(within(consensus()).getByLabelText("Summary of the panel's assessment"), " More.");
    expect(within(consensus()).getByRole("button", { name: "Finalise" })).toBeDisabled();
    await user.click(within(consensus()).getByRole("button", { name: "Save the consensus" }));
    await waitFor(() => expect(api.callsTo("PUT", `${API}/consensus`)).toHaveLength(2));
    expect(api.callsTo("PUT", `${API}/consensus`)[1]?.headers.get("If-Match")).toBe('"1"');

    await waitFor(() => expect(within(consensus()).getByRole("button", { name: "Finalise" })).toBeEnabled());
    await user.click(within(consensus()).getByRole("button", { name: "Finalise" }));
    expect(await within(consensus()).findByText(/The consensus is finalised/)).toBeInTheDocument();
    expect(api.callsTo("POST", `${API}/consensus/finalise`)[0]?.headers.get("If-Match")).toBe('"2"');
    expect(within(consensus()).getByTestId("consensus-state")).toHaveTextContent("Finalised on");
  });

  it("offers to reload when someone else changed the consensus (412)", async () => {
    const api = createFakeApi();
    api.on(`GET ${API}/evaluation`, () =>
      json({ ...EVALUATION, consensus: consensusAnswer([{ criterion: "impact", value: "3" }], "Theirs", 3) }),
    );
    api.on(`PUT ${API}/consensus`, () =>
      problem(412, "Precondition failed", "The record has changed since you read it (it is now version 4). Reload it and try again."),
    );
    const { user } = renderApp(PAGE, api);
    await screen.findByRole("heading", { level: 1 });
    await user.selectOptions(
      await within(consensus()).findByLabelText("Agreed score for Impact on the regions' value chains"),
      "5",
    );
    await user.click(within(consensus()).getByRole("button", { name: "Save the consensus" }));
    const alert = await within(consensus()).findByRole("alert");
    expect(alert).toHaveTextContent("Someone else changed the consensus");
    expect(api.callsTo("PUT", `${API}/consensus`)[0]?.headers.get("If-Match")).toBe('"3"');

    api.on(`GET ${API}/evaluation`, () =>
      json({ ...EVALUATION, consensus: consensusAnswer([{ criterion: "impact", value: "2.5" }], "Theirs, later", 4) }),
    );
    await user.click(within(alert).getByRole("button", { name: "Reload the current version" }));
    await waitFor(() =>
      expect(within(consensus()).getByLabelText("Agreed score for Impact on the regions' value chains")).toHaveValue("2.5"),
    );
    expect(within(consensus()).getByLabelText("Summary of the panel's assessment")).toHaveValue("Theirs, later");
  });

  it("lets the lead region's manager read the consensus without changing it", async () => {
    const api = createFakeApi({ me: MANAGER });
    api.on(`GET ${API}/evaluation`, () =>
      json({
        ...EVALUATION,
        consensus: { ...consensusAnswer([{ criterion: "impact", value: "2.5" }], "Impact is thin.", 2, true), editable: false },
      }),
    );
    renderApp(PAGE, api);
    await screen.findByRole("heading", { level: 1 });
    const section = consensus();
    expect(await within(section).findByTestId("consensus-state")).toHaveTextContent("Finalised on");
    expect(within(section).queryByRole("button", { name: "Save the consensus" })).not.toBeInTheDocument();
    expect(section.querySelector('tr[data-criterion="impact"]')).toHaveTextContent("below its threshold");
    expect(section).toHaveTextContent("Impact is thin.");
    expect(section).toHaveTextContent("does not pass");
    expect(screen.queryByRole("link", { name: /Panel of/ })).not.toBeInTheDocument();
  });

  it("says why the evaluation is not ready", async () => {
    const api = createFakeApi();
    api.on(`GET ${API}/evaluation`, () =>
      json({
        ...EVALUATION,
        readiness: {
          ready: false,
          submitted: 2,
          required: 3,
          pending: 1,
          divergence_pending: true,
          reasons: ["1 review is still pending.", "A divergence on Impact waits for its extra review."],
        },
      }),
    );
    renderApp(PAGE, api);
    const readiness = await screen.findByTestId("readiness");
    expect(readiness).toHaveTextContent("Not ready yet: 2 of 3 reviews submitted.");
    expect(within(readiness).getByRole("list", { name: "Why it is not ready" })).toHaveTextContent(
      "A divergence on Impact waits for its extra review.",
    );
  });
});
