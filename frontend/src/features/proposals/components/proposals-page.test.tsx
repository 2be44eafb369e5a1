import { configure, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { ME, PROPOSAL_CALL_SUMMARY, PROPOSAL_IDS } from "@/testing/data";
import { createFakeApi, json } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

// the first render loads the route's code: slower than the default second on a busy machine
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 8_000 });

const MEMBER = { ...ME, memberships: [{ role: "member" as const, region: "ITI1", organisation_id: PROPOSAL_IDS.lead }] };
const EVALUATOR = { ...ME, memberships: [{ role: "evaluator" as const, region: null, organisation_id: null }] };

/** The fake gateway with the open test call listed. */
function proposalsApi(me: typeof ME = MEMBER) {
  const api = createFakeApi({ me });
  api.on("GET /api/proposals/calls", () => json({ items: [PROPOSAL_CALL_SUMMARY], next_cursor: null }));
  return api;
}

describe("the proposals list", () => {
  it("lists the proposals with their reference, lead, partner regions and priorities, and counts them", async () => {
    renderApp("/proposals", proposalsApi());
    expect(await screen.findByRole("heading", { level: 1, name: "Proposals" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText("2 proposals")).toBeInTheDocument());

    const list = screen.getByRole("list", { name: "Proposals found" });
    const items = within(list).getAllByRole("listitem").filter((item) => item.dataset.proposalId);
    expect(items.map((item) => item.dataset.proposalId)).toEqual([PROPOSAL_IDS.draft, PROPOSAL_IDS.submitted]);
    const first = items[0]!;
    expect(within(first).getByRole("link", { name: "REWOOL · Regenerated wool for knitwear" })).toHaveAttribute(
      "href",
      `/proposals/${PROPOSAL_IDS.draft}`,
    );
    expect(first).toHaveTextContent("TEX4IM-2027-ITI1-001");
    expect(first).toHaveTextContent("Lead: Lanificio Demo Prato, Toscana (ITI1)");
    expect(first).toHaveTextContent("Partner regions: Comunitat Valenciana");
    expect(within(first).getByText("Circular economy")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "New proposal" })).toHaveAttribute("href", "/proposals/new");
  });

  it("keeps every filter in the address, one parameter per value, and sends them to the API", async () => {
    const api = proposalsApi();
    const { user, router } = renderApp("/proposals", api);
    await screen.findByText("2 proposals");

    await user.click(screen.getByRole("checkbox", { name: "Norte (PT11)" }));
    await waitFor(() => expect(router.state.location.search).toBe("?region=PT11"));
    await waitFor(() => expect(screen.getByText("1 proposal")).toBeInTheDocument());
    expect(screen.getAllByRole("link", { name: /Digital twin/ })).toHaveLength(1);

    await user.click(screen.getByRole("checkbox", { name: "Toscana (ITI1)" }));
    await waitFor(() => expect(router.state.location.search).toBe("?region=PT11&region=ITI1"));
    await user.selectOptions(screen.getByLabelText("Thematic priority"), "circular_economy");
    await user.click(screen.getByRole("checkbox", { name: "Only proposals I co-author" }));
    await user.type(screen.getByRole("searchbox", { name: "Search proposals" }), "wool{Enter}");
    await waitFor(() =>
      expect(router.state.location.search).toBe("?region=PT11&region=ITI1&priority=circular_economy&mine=1&q=wool"),
    );
    await waitFor(() => expect(screen.getByText("1 proposal")).toBeInTheDocument());

    const last = api.callsTo("GET", "/api/proposals/proposals").at(-1)!;
    const query = new URLSearchParams(last.search);
    expect(query.getAll("region")).toEqual(["ITI1", "PT11"]);
    expect(query.get("priority")).toBe("circular_economy");
    expect(query.get("mine")).toBe("true");
    expect(query.get("q")).toBe("wool");

    // Back undoes the last filter
    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).not.toContain("q=wool"));
    await user.click(screen.getAllByRole("button", { name: "Clear all filters" })[0]!);
    await waitFor(() => expect(router.state.location.search).toBe(""));
    expect(await screen.findByText("2 proposals")).toBeInTheDocument();
  });

  it("reads the filters from a shared address and drops values the API would refuse", async () => {
    const api = proposalsApi();
    renderApp(`/proposals?call=${PROPOSAL_IDS.call}&stage=draft&region=iti1&region=nonsense&priority=bogus`, api);
    await screen.findByText("1 proposal");
    const query = new URLSearchParams(api.callsTo("GET", "/api/proposals/proposals").at(-1)!.search);
    expect(query.get("call_id")).toBe(PROPOSAL_IDS.call);
    expect(query.getAll("stage")).toEqual(["draft"]);
    expect(query.getAll("region")).toEqual(["ITI1"]);
    expect(query.get("priority")).toBeNull();
    expect(await screen.findByRole("checkbox", { name: "Draft" })).toBeChecked();
    expect(screen.getByLabelText("Call")).toHaveValue(PROPOSAL_IDS.call);
    // a chosen open call is where a new proposal starts
    expect(screen.getByRole("link", { name: "New proposal" })).toHaveAttribute(
      "href",
      `/proposals/new?call=${PROPOSAL_IDS.call}`,
    );
  });

  it("says what to do when nothing matches, and offers to clear the filters", async () => {
    const { user, router } = renderApp("/proposals?q=nothing-like-this", proposalsApi());
    expect(await screen.findByText(/No proposal matches these filters/)).toBeInTheDocument();
    expect(screen.getByText("0 proposals")).toBeInTheDocument();
    const empty = screen.getByText(/No proposal matches these filters/).parentElement!;
    await user.click(within(empty).getByRole("button", { name: "Clear all filters" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));
  });

  it("offers no New proposal button to an evaluator, and tells them where proposals come from", async () => {
    const api = proposalsApi(EVALUATOR);
    api.on("GET /api/proposals/proposals", () => json({ items: [], next_cursor: null }));
    api.on("GET /api/proposals/proposals/stage-counts", () => json({ stages: [], total: 0 }));
    renderApp("/proposals", api);
    expect(await screen.findByText(/Proposals of your region and those assigned to you/)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "New proposal" })).not.toBeInTheDocument();
  });
});

describe("the board", () => {
  it("asks for a call first: its columns are the call's stages", async () => {
    renderApp("/proposals?view=board", proposalsApi());
    expect(await screen.findByText(/choose a call in the filters/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Board" })).toHaveAttribute("aria-pressed", "true");
  });

  it("shows one column per stage of the call, in pipeline order, with the counts and the cards", async () => {
    const { user, router } = renderApp(`/proposals?call=${PROPOSAL_IDS.call}`, proposalsApi());
    await screen.findByText("2 proposals");
    await user.click(screen.getByRole("button", { name: "Board" }));
    await waitFor(() => expect(router.state.location.search).toBe(`?call=${PROPOSAL_IDS.call}&view=board`));

    const board = await screen.findByRole("group", { name: "Board of call TEX4IM-2027: one column per stage" });
    const columns = within(board).getAllByRole("region");
    expect(columns.map((column) => column.dataset.stage)).toEqual([
      "draft",
      "submitted",
      "screening",
      "evaluation",
      "rejected",
      "withdrawn",
    ]);
    const draft = within(board).getByRole("region", { name: "Draft: 1 proposal" });
    expect(within(draft).getByRole("link", { name: /Regenerated wool/ })).toBeInTheDocument();
    const screening = within(board).getByRole("region", { name: "Screening: 0 proposals" });
    expect(screening).toHaveTextContent("None in this stage.");

    // a stage filter narrows the board to its columns
    await user.click(screen.getByRole("checkbox", { name: "Submitted" }));
    await waitFor(() => expect(within(board).getAllByRole("region").map((column) => column.dataset.stage)).toEqual(["submitted"]));
  });
});
