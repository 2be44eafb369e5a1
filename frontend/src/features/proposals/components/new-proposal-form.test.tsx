import { configure, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { ME, PROPOSAL_CALL_SUMMARY, PROPOSAL_IDS, PROPOSAL_ORGANISATIONS, proposalDetail } from "@/testing/data";
import { createFakeApi, json, problem, withHeaders } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

// the first render loads the route's code: slower than the default second on a busy machine
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 8_000 });

const MEMBER = { ...ME, memberships: [{ role: "member" as const, region: "ITI1", organisation_id: PROPOSAL_IDS.lead }] };
const MANAGER = { ...ME, memberships: [{ role: "cluster_manager" as const, region: "ES52", organisation_id: null }] };
const CLOSED_CALL = {
  ...PROPOSAL_CALL_SUMMARY,
  id: "c0c0c0c0-0000-4000-8000-000000000002",
  code: "TEX4IM-2026",
  submission_open: false,
};

function createApi(me: typeof ME, calls = [PROPOSAL_CALL_SUMMARY, CLOSED_CALL]) {
  const api = createFakeApi({ me });
  api.on("GET /api/proposals/calls", () => json({ items: calls, next_cursor: null }));
  api.on(`GET /api/intelligence/organisations/${PROPOSAL_IDS.lead}`, () =>
    json({ id: PROPOSAL_IDS.lead, name: "Lanificio Demo Prato", region_code: "ITI1" }),
  );
  api.on("GET /api/proposals/organisations", (call) => {
    const query = new URLSearchParams(call.search);
    const q = (query.get("q") ?? "").toLowerCase();
    return json({
      items: PROPOSAL_ORGANISATIONS.filter(
        (organisation) =>
          organisation.name.toLowerCase().includes(q) &&
          (!query.get("region") || organisation.region_code === query.get("region")),
      ),
      next_cursor: null,
    });
  });
  return api;
}

describe("starting a proposal", () => {
  it("preselects a member's own organisation and the open call, and sends one Idempotency-Key however often it is sent", async () => {
    const api = createApi(MEMBER);
    let attempts = 0;
    api.on("POST /api/proposals/proposals", (call) => {
      attempts += 1;
      if (attempts === 1) return problem(503, "Service unavailable", "The proposals service is restarting; try again.");
      const body = call.body as { title: string };
      return withHeaders(json(proposalDetail({ title: body.title }), 201), { ETag: '"1"' });
    });
    const { user, router } = renderApp("/proposals/new", api);
    const form = await screen.findByRole("form", { name: "New proposal" });
    // only the open call is offered, and it is chosen
    const call = within(form).getByLabelText("Call");
    await waitFor(() => expect(call).toHaveValue(PROPOSAL_IDS.call));
    expect(within(call).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "TEX4IM-2027 · TEX4IM 2027: interregional textile pilots",
    ]);
    const lead = await within(form).findByRole("radio", { name: /Lanificio Demo Prato/ });
    expect(lead).toBeChecked();

    await user.click(within(form).getByRole("button", { name: "Create the proposal" }));
    expect(within(form).getByLabelText("Title")).toHaveAccessibleDescription("Required.");
    expect(within(form).getByLabelText("Title")).toHaveFocus();
    expect(api.callsTo("POST", "/api/proposals/proposals")).toHaveLength(0);

    await user.type(within(form).getByLabelText("Title"), "Regenerated wool for knitwear");
    await user.type(within(form).getByLabelText("Summary"), "Sorting and carding post-consumer wool.");
    await user.click(within(form).getByRole("button", { name: "Create the proposal" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("The proposals service is restarting; try again.");
    await user.click(within(form).getByRole("button", { name: "Create the proposal" }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/proposals/${PROPOSAL_IDS.draft}`));
    const posts = api.callsTo("POST", "/api/proposals/proposals");
    expect(posts).toHaveLength(2);
    expect(posts[0]?.body).toEqual({
      call_id: PROPOSAL_IDS.call,
      lead_organisation_id: PROPOSAL_IDS.lead,
      title: "Regenerated wool for knitwear",
      summary: "Sorting and carding post-consumer wool.",
    });
    const key = posts[0]?.headers.get("Idempotency-Key");
    expect(key).toBeTruthy();
    expect(posts[1]?.headers.get("Idempotency-Key")).toBe(key);
    expect(await screen.findByRole("heading", { level: 1, name: "Regenerated wool for knitwear" })).toBeInTheDocument();
  });

  it("lets a cluster manager search the organisations of their region for the lead", async () => {
    const api = createApi(MANAGER);
    const { user } = renderApp(`/proposals/new?call=${PROPOSAL_IDS.call}`, api);
    const form = await screen.findByRole("form", { name: "New proposal" });
    await user.type(within(form).getByLabelText("Title"), "Technical finishing pilot");
    await user.click(within(form).getByRole("button", { name: "Create the proposal" }));
    expect(within(form).getByText("Choose the organisation that leads the proposal.")).toBeInTheDocument();

    const picker = within(form).getByRole("group", { name: "Lead organisation" });
    await waitFor(() => expect(within(picker).getByRole("status")).toHaveTextContent("1 organisation found"));
    const search = api.callsTo("GET", "/api/proposals/organisations").at(-1);
    expect(new URLSearchParams(search?.search).get("region")).toBe("ES52");
    await user.click(within(picker).getByRole("radio", { name: /Tejidos Demo Valencia/ }));
    await user.click(within(form).getByRole("button", { name: "Create the proposal" }));
    await waitFor(() => expect(api.callsTo("POST", "/api/proposals/proposals")).toHaveLength(1));
    expect(api.callsTo("POST", "/api/proposals/proposals")[0]?.body).toMatchObject({
      lead_organisation_id: PROPOSAL_IDS.partnerEs52,
    });
  });

  it("says where to look when no call is open", async () => {
    renderApp("/proposals/new", createApi(MEMBER, [CLOSED_CALL]));
    const empty = await screen.findByTestId("no-open-call");
    expect(empty).toHaveTextContent("No call is open for proposals right now.");
    expect(within(empty).getByRole("link", { name: "See the calls" })).toHaveAttribute("href", "/calls");
  });

  it("tells an evaluator that they do not start proposals", async () => {
    renderApp("/proposals/new", createApi({ ...ME, memberships: [{ role: "evaluator", region: null, organisation_id: null }] }));
    expect(await screen.findByText(/Only members of the partnership's organisations/)).toBeInTheDocument();
  });
});
