import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { CALL_IDS, SCREENING, screeningTransitions } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const PAGE = `/proposals/${CALL_IDS.screeningProposal}/screening`;
const API = `/api/proposals/proposals/${CALL_IDS.screeningProposal}`;

function section(name: string): HTMLElement {
  return screen.getByRole("heading", { level: 2, name }).closest("section")!;
}

describe("the screening page", () => {
  it("shows the automatic checks with their outcome and sentence", async () => {
    renderApp(PAGE);
    expect(await screen.findByRole("heading", { level: 1, name: "Screening of TEX4IM-2027-ITI1-004" })).toBeInTheDocument();
    const checks = within(section("Automatic checks")).getByRole("list", { name: "Automatic checks" });
    const items = within(checks).getAllByRole("listitem");
    expect(items.map((item) => [item.dataset.check, item.dataset.outcome])).toEqual([
      ["region_quota", "passed"],
      ["partner_regions", "failed"],
      ["priorities", "passed"],
      ["completeness", "passed"],
      ["partners_confirmed", "manual"],
    ]);
    expect(items[1]).toHaveTextContent("Partner regions – Failed");
    expect(items[1]).toHaveTextContent("The lead and confirmed partners come from only 1 region (ITI1); the call asks for 2.");
    expect(screen.getByTestId("checks-summary")).toHaveTextContent("3 passed · 1 failed · 1 to judge");
    expect(within(section("Decision")).getByText("No decision yet.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "← Proposal TEX4IM-2027-ITI1-004" })).toHaveAttribute(
      "href",
      `/proposals/${CALL_IDS.screeningProposal}`,
    );
  });

  it("warns when 'eligible' overrides a failed check and asks for a real explanation", async () => {
    const api = createFakeApi();
    const { user } = renderApp(PAGE, api);
    const form = (await screen.findByRole("heading", { level: 2, name: "Record the decision" })).closest("section")!;
    expect(within(form).queryByTestId("override-warning")).not.toBeInTheDocument();
    await user.click(within(form).getByRole("radio", { name: "Yes, eligible" }));
    const warning = within(form).getByTestId("override-warning");
    expect(warning).toHaveTextContent("You are deciding “eligible” over failed checks");
    expect(warning).toHaveTextContent("The lead and confirmed partners come from only 1 region (ITI1)");
    await user.type(within(form).getByLabelText("Reason"), "Fine.");
    await user.click(within(form).getByRole("button", { name: "Record the decision" }));
    expect(within(form).getByLabelText("Reason")).toHaveAccessibleDescription(
      /^Explain the override in at least 30 characters\./,
    );
    expect(api.callsTo("PUT", `${API}/screening`)).toHaveLength(0);

    await user.click(within(form).getByRole("radio", { name: "No, not eligible" }));
    expect(within(form).queryByTestId("override-warning")).not.toBeInTheDocument();
  });

  it("records the decision and shows it, then offers the step it opens", async () => {
    const api = createFakeApi();
    const { user } = renderApp(PAGE, api);
    const form = (await screen.findByRole("heading", { level: 2, name: "Record the decision" })).closest("section")!;
    const steps = section("Next steps");
    const admit = await within(steps).findByRole("button", { name: "Admit to evaluation" });
    expect(admit).toBeDisabled();
    expect(admit).toHaveAccessibleDescription("no screening decision yet");
    expect(within(steps).queryByRole("button", { name: "Withdraw" })).not.toBeInTheDocument();

    api.on(`GET ${API}/transitions`, () => json(screeningTransitions(true)));
    await user.click(within(form).getByRole("radio", { name: "Yes, eligible" }));
    await user.type(
      within(form).getByLabelText("Reason"),
      "The Portuguese partner confirmed by e-mail; its answer is on its way.",
    );
    await user.click(within(form).getByRole("button", { name: "Record the decision" }));

    expect(await within(form).findByRole("status")).toHaveTextContent("Decision recorded: eligible.");
    const [put] = api.callsTo("PUT", `${API}/screening`);
    expect(put?.body).toEqual({
      eligible: true,
      reason: "The Portuguese partner confirmed by e-mail; its answer is on its way.",
    });
    const decision = screen.getByTestId("screening-decision");
    expect(decision).toHaveTextContent("Eligible");
    expect(decision).toHaveTextContent("Eligible despite a failed check");
    expect(decision).toHaveTextContent("Decided by Giulia Demo on");
    await waitFor(() => expect(within(steps).getByRole("button", { name: "Admit to evaluation" })).toBeEnabled());
  });

  it("shows the API's problem with the reason at the reason", async () => {
    const api = createFakeApi();
    api.on(`PUT ${API}/screening`, () =>
      problem(422, "Override not explained", "Checks failed (partner_regions): explain why the proposal is eligible all the same.", {
        errors: [{ field: "body.reason", message: "at least 30 characters explaining the override of partner_regions", code: "override_reason_too_short" }],
      }),
    );
    const { user } = renderApp(PAGE, api);
    const form = (await screen.findByRole("heading", { level: 2, name: "Record the decision" })).closest("section")!;
    await user.click(within(form).getByRole("radio", { name: "No, not eligible" }));
    await user.type(within(form).getByLabelText("Reason"), "Only one region.");
    await user.click(within(form).getByRole("button", { name: "Record the decision" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("Checks failed (partner_regions)");
    expect(within(form).getByLabelText("Reason")).toHaveAccessibleDescription(
      /^at least 30 characters explaining the override of partner_regions/,
    );
  });

  it("takes a step that needs a comment only with one, and says where the proposal went", async () => {
    const api = createFakeApi();
    api.on(`GET ${API}/transitions`, () => json(screeningTransitions(false)));
    api.on(`POST ${API}/transitions`, () => json({ stage: { key: "rejected", label: "Rejected", kind: "terminal", editable: false } }));
    const { user } = renderApp(PAGE, api);
    const steps = (await screen.findByRole("heading", { level: 2, name: "Next steps" })).closest("section")!;
    const reject = await within(steps).findByRole("button", { name: "Reject as ineligible" });
    await user.click(reject);
    expect(within(steps).getByLabelText("Comment")).toHaveAccessibleDescription(
      /^“Reject as ineligible” needs a comment saying why\./,
    );
    expect(api.callsTo("POST", `${API}/transitions`)).toHaveLength(0);

    await user.type(within(steps).getByLabelText("Comment"), "Partners from one region only.");
    await user.click(reject);
    expect(await within(steps).findByRole("status")).toHaveTextContent("TEX4IM-2027-ITI1-004 is now in: Rejected.");
    expect(api.callsTo("POST", `${API}/transitions`)[0]?.body).toEqual({
      transition: "reject_ineligible",
      comment: "Partners from one region only.",
    });
  });

  it("shows an applicant the decision only", async () => {
    const api = createFakeApi();
    api.on(`GET ${API}/screening`, () =>
      json({
        ...SCREENING,
        can_decide: false,
        checks: null,
        decision: { eligible: false, reason: "Partners from one region only.", decided_at: "2026-11-20T10:00:00Z", outdated: false },
      }),
    );
    renderApp(PAGE, api);
    const decision = await screen.findByTestId("screening-decision");
    expect(decision).toHaveTextContent("Not eligible");
    expect(decision).toHaveTextContent("Partners from one region only.");
    expect(screen.queryByRole("heading", { name: "Automatic checks" })).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Next steps" })).not.toBeInTheDocument();
  });

  it("shows the problem's detail to someone who may not screen", async () => {
    const api = createFakeApi();
    api.on(`GET ${API}/screening`, () =>
      problem(403, "Forbidden", "Only the cluster managers of the lead's region, the admin and the applicants see the screening."),
    );
    renderApp(PAGE, api);
    expect(await screen.findByRole("alert")).toHaveTextContent("Only the cluster managers of the lead's region");
  });
});
