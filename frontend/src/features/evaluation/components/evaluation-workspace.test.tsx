import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { EVALUATION_IDS, ME, MY_CONFLICTS } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const CONFLICTS = "/api/proposals/evaluators/me/conflicts";

describe("the evaluation workspace", () => {
  it("lists my assignments with call, due date (absolute and relative), status and progress", async () => {
    renderApp("/evaluation");
    const list = await screen.findByRole("list", { name: "Your assignments" });
    const [open, submitted] = within(list).getAllByRole("listitem");
    expect(open).toHaveAttribute("data-assignment-id", EVALUATION_IDS.assignmentOpen);
    expect(within(open!).getByRole("link", { name: /TEX-ITI1-007 · Regenerated carded wool/ })).toHaveAttribute(
      "href",
      `/evaluation/assignments/${EVALUATION_IDS.assignmentOpen}`,
    );
    expect(open).toHaveTextContent("Call TEX4IM-2027-1 · TEX4IM 2027: circular textile investments");
    expect(open).toHaveTextContent(/Due Dec 31, 2099.*\(in \d+ years\)/);
    expect(open).toHaveTextContent("In progress");
    expect(open).toHaveTextContent("1 of 4 criteria scored");
    expect(within(open!).getByRole("progressbar", { name: "Criteria scored for TEX-ITI1-007" })).toHaveAttribute("value", "1");

    expect(submitted).toHaveTextContent("Submitted");
    expect(submitted).toHaveTextContent("Extra evaluator: the scores diverged");
    expect(submitted).toHaveTextContent(/Was due .*2020.*years ago/);
    expect(screen.getByText("2 assignments, 1 still to submit")).toHaveAttribute("role", "status");
    expect(screen.getByTestId("profile-summary")).toHaveTextContent("You evaluate 2 of at most 5 proposals.");
  });

  it("prompts to complete the profile before registering (the API's 404), and says what to do with no assignment", async () => {
    const api = createFakeApi();
    api.on("GET /api/proposals/evaluators/me", () =>
      problem(404, "Not found", "You have not registered as an evaluator yet: PUT /evaluators/me."),
    );
    api.on("GET /api/proposals/me/assignments", () => json({ items: [], next_cursor: null }));
    renderApp("/evaluation", api);
    const prompt = await screen.findByTestId("profile-prompt");
    expect(within(prompt).getByRole("heading", { name: "Complete your evaluator profile" })).toBeInTheDocument();
    expect(within(prompt).getByRole("link", { name: "Complete your profile" })).toHaveAttribute("href", "/evaluation/profile");
    expect(await screen.findByText(/No proposals are assigned to you yet/)).toBeInTheDocument();
    // unregistered: no conflict lists, no declaring, and no call to the conflicts endpoint (it would 404)
    expect(await screen.findByText("Complete your profile to see your conflicts and declare new ones.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Declare a conflict/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Your declared conflicts" })).not.toBeInTheDocument();
    expect(api.callsTo("GET", CONFLICTS)).toHaveLength(0);
  });

  it("shows the proposals in evaluation with the conflicts found, filtered by call in the address", async () => {
    const { api, user, router } = renderApp("/evaluation");
    const list = await screen.findByRole("list", { name: "Proposals in evaluation" });
    const conflicted = list.querySelector<HTMLElement>(`li[data-proposal-id="${EVALUATION_IDS.proposalConflicted}"]`)!;
    expect(conflicted).toHaveAttribute("data-conflicted", "true");
    expect(within(conflicted).getByRole("list", { name: "Your conflicts of interest with it" })).toHaveTextContent(
      "You work for the lead organisation: You work for Lanificio Valutazioni (demo), its lead.",
    );
    const clean = list.querySelector<HTMLElement>(`li[data-proposal-id="${EVALUATION_IDS.proposalOpen}"]`)!;
    expect(clean).toHaveTextContent("No conflict of interest found.");
    expect(within(clean).getByText("Filatura Toscana (demo) (ITI1)")).toBeInTheDocument();
    expect(screen.getByTestId("in-evaluation-count")).toHaveTextContent("2 proposals in evaluation");

    const callFilter = screen.getByLabelText("Call");
    await within(callFilter).findByRole("option", { name: "TEX4IM-2027-1 · TEX4IM 2027: circular textile investments" });
    await user.selectOptions(callFilter, EVALUATION_IDS.call);
    await waitFor(() => expect(router.state.location.search).toBe(`?call=${EVALUATION_IDS.call}`));
    await waitFor(() =>
      expect(api.callsTo("GET", "/api/proposals/evaluation/proposals").at(-1)?.search).toContain(`call_id=${EVALUATION_IDS.call}`),
    );
  });

  it("declares a conflict with a reason, and says which assignments it took the evaluator off", async () => {
    const { api, user } = renderApp("/evaluation");
    const declare = await screen.findByRole("button", { name: "Declare a conflict with TEX-ITI1-007" });
    await user.click(declare);
    const form = screen.getByRole("form", { name: "Declare a conflict with TEX-ITI1-007" });
    const reason = within(form).getByLabelText("Why you have a conflict");
    expect(reason).toHaveFocus();
    expect(within(form).getByRole("radio", { name: "This proposal only (TEX-ITI1-007)" })).toBeChecked();
    expect(within(form).getByRole("radio", { name: "Filatura Toscana (demo), the lead organisation" })).toBeInTheDocument();
    expect(within(form).getByRole("radio", { name: "Fiação do Norte (demo), a partner" })).toBeInTheDocument();

    // the reason is required
    await user.click(within(form).getByRole("button", { name: "Declare the conflict" }));
    expect(within(form).getByText("Say why you have a conflict of interest.")).toBeInTheDocument();
    expect(reason).toHaveAttribute("aria-invalid", "true");
    expect(api.callsTo("POST", CONFLICTS)).toHaveLength(0);

    await user.type(reason, "I advised the lead in 2025.");
    await user.click(within(form).getByRole("button", { name: "Declare the conflict" }));
    expect(
      await screen.findByText(
        "Conflict declared with TEX-ITI1-007. You no longer evaluate TEX-ITI1-007: another evaluator takes over where possible.",
      ),
    ).toBeInTheDocument();
    const [post] = api.callsTo("POST", CONFLICTS);
    expect(post?.body).toEqual({ proposal_id: EVALUATION_IDS.proposalOpen, reason: "I advised the lead in 2025." });
    expect(post?.headers.get("Idempotency-Key")).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Declare a conflict with TEX-ITI1-007" })).not.toBeInTheDocument();
    // the workspace reloads: assignments and conflicts may have changed
    await waitFor(() => expect(api.callsTo("GET", "/api/proposals/me/assignments").length).toBeGreaterThan(1));
  });

  it("declares a conflict with one of the proposal's organisations", async () => {
    const { api, user } = renderApp("/evaluation");
    await user.click(await screen.findByRole("button", { name: "Declare a conflict with TEX-ITI1-007" }));
    const form = screen.getByRole("form", { name: "Declare a conflict with TEX-ITI1-007" });
    await user.click(within(form).getByRole("radio", { name: "Fiação do Norte (demo), a partner" }));
    await user.type(within(form).getByLabelText("Why you have a conflict"), "Family member works there.");
    await user.click(within(form).getByRole("button", { name: "Declare the conflict" }));
    expect(await screen.findByText("Conflict declared with Fiação do Norte (demo).")).toBeInTheDocument();
    expect(api.callsTo("POST", CONFLICTS)[0]?.body).toEqual({
      organisation_id: EVALUATION_IDS.partnerOrganisation,
      reason: "Family member works there.",
    });
  });

  it("shows the API's refusal of a declaration in the form", async () => {
    const api = createFakeApi();
    api.on(`POST ${CONFLICTS}`, () => problem(409, "Conflict", "You have already declared this conflict."));
    const { user } = renderApp("/evaluation", api);
    await user.click(await screen.findByRole("button", { name: "Declare a conflict with TEX-ITI1-007" }));
    const form = screen.getByRole("form", { name: "Declare a conflict with TEX-ITI1-007" });
    await user.type(within(form).getByLabelText("Why you have a conflict"), "Again.");
    await user.click(within(form).getByRole("button", { name: "Declare the conflict" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("You have already declared this conflict.");
  });

  it("lists my declared conflicts and withdraws one after a confirmation", async () => {
    const api = createFakeApi();
    let withdrawn = false;
    api.on(`GET ${CONFLICTS}`, () => json(withdrawn ? [] : MY_CONFLICTS));
    api.on(`DELETE ${CONFLICTS}/${EVALUATION_IDS.declaration}`, () => {
      withdrawn = true;
      return new Response(null, { status: 204 });
    });
    const { user } = renderApp("/evaluation", api);
    const list = await screen.findByRole("list", { name: "Your declared conflicts" });
    const item = within(list).getByRole("listitem");
    expect(item).toHaveTextContent("Organisation Fiação do Norte (demo)");
    expect(item).toHaveTextContent("I was on its board until 2025.");

    await user.click(within(item).getByRole("button", { name: "Withdraw the conflict with Fiação do Norte (demo)" }));
    const confirm = within(item).getByRole("group", { name: "Withdraw the conflict with Fiação do Norte (demo)?" });
    expect(confirm).toHaveTextContent("Assignments it took you off stay withdrawn.");
    await user.click(within(confirm).getByRole("button", { name: "Yes, withdraw" }));
    expect(await screen.findByText("The conflict with Fiação do Norte (demo) is withdrawn.")).toBeInTheDocument();
    expect(await screen.findByText("You have not declared any conflict of interest.")).toBeInTheDocument();
    expect(api.callsTo("DELETE", `${CONFLICTS}/${EVALUATION_IDS.declaration}`)).toHaveLength(1);
  });

  it("explains the page to users who are not evaluators", async () => {
    const api = createFakeApi({ me: { ...ME, memberships: [{ role: "member", region: "ITI1", organisation_id: null }] } });
    renderApp("/evaluation", api);
    expect(await screen.findByText("Only evaluators have a review workspace and an evaluator profile.")).toBeInTheDocument();
    expect(api.callsTo("GET", "/api/proposals/me/assignments")).toHaveLength(0);
  });

  it("says why the call filter has no calls when they cannot be listed", async () => {
    const api = createFakeApi();
    api.on("GET /api/proposals/calls", () => problem(503, "Unavailable", "The proposals service is restarting."));
    renderApp("/evaluation", api);
    expect(
      await screen.findByText("The calls could not be listed for the filter: The proposals service is restarting."),
    ).toBeInTheDocument();
    expect(within(screen.getByLabelText("Call")).getAllByRole("option")).toHaveLength(1);
  });

  it("shows the problem's detail when the assignments cannot be read", async () => {
    const api = createFakeApi();
    api.on("GET /api/proposals/me/assignments", () => problem(503, "Unavailable", "The proposals service is restarting."));
    renderApp("/evaluation", api);
    expect(await screen.findByText("The proposals service is restarting.")).toBeInTheDocument();
  });
});
