import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { INTERESTED_PEOPLE, OPPORTUNITY_IDS, opportunityDetail } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const YARN = OPPORTUNITY_IDS.yarn;
const DETAIL = `/api/intelligence/opportunities/${YARN}`;
const INTEREST = `${DETAIL}/interest`;
const INTERESTS = `${DETAIL}/interests`;

/** A fake API that remembers the caller's interest, like the service. */
function withInterestState(options: { manager?: boolean } = {}) {
  const api = createFakeApi();
  let interest: { expressed: boolean; message: string | null; expressed_at: string | null } = {
    expressed: false,
    message: null,
    expressed_at: null,
  };
  api.on(`GET ${DETAIL}`, () =>
    json(opportunityDetail(YARN, { interest, interest_count: options.manager ? (interest.expressed ? 1 : 0) : null })),
  );
  api.on(`PUT ${INTEREST}`, (call) => {
    const message = (call.body as { message?: string }).message ?? null;
    interest = { expressed: true, message, expressed_at: "2026-11-24T10:00:00Z" };
    return json({
      opportunity_id: YARN,
      title: "Recycled cotton yarn partner wanted (demo)",
      kind: "business_cooperation",
      deadline: "2099-12-31",
      status: "open",
      message,
      expressed_at: interest.expressed_at,
    });
  });
  api.on(`DELETE ${INTEREST}`, () => {
    interest = { expressed: false, message: null, expressed_at: null };
    return new Response(null, { status: 204 });
  });
  return api;
}

describe("an opportunity's page", () => {
  it("shows what the opportunity is, until when, for which regions and priorities, and where it comes from", async () => {
    renderApp(`/opportunities/${YARN}`);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Recycled cotton yarn partner wanted (demo)" }),
    ).toBeInTheDocument();
    expect(screen.getAllByText("Business cooperation").length).toBeGreaterThan(0);
    expect(screen.getAllByText("Open").length).toBeGreaterThan(0);
    const deadline = document.querySelector('[data-field="deadline"]')!;
    expect(deadline).toHaveTextContent("Dec 31, 2099");
    expect(deadline).toHaveTextContent(/\d+ days left/);
    expect(document.querySelector('[data-field="budget"]')).toHaveTextContent("€250,000");
    await waitFor(() => expect(document.querySelector('[data-field="regions"]')).toHaveTextContent("Norte (PT11)"));
    expect(screen.getByRole("list", { name: "Thematic priorities" })).toHaveTextContent("Circular economy");
    expect(screen.getByText(/spinning mill in the Ave valley/)).toBeInTheDocument();
    expect(document.querySelector('[data-field="source"]')).toHaveTextContent("Enterprise Europe Network");
    const link = screen.getByRole("link", { name: /Open at the source/ });
    expect(link).toHaveAttribute("href", "https://een.ec.europa.eu/partnering-opportunities/BRPT20261101001");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
    expect(link).toHaveAttribute("target", "_blank");
    expect(document.querySelector('[data-field="organisation"]')).toHaveTextContent(
      "0f0e7c62-5d47-4a4f-8d2a-5a9d3a4d0101",
    );
    expect(document.title).toBe("Recycled cotton yarn partner wanted (demo) · TEX4IM platform");
  });

  it("formats a budget with cents and says when there is no deadline or budget", async () => {
    renderApp(`/opportunities/${OPPORTUNITY_IDS.sensors}`);
    await screen.findByRole("heading", { level: 1, name: "Smart textile sensors for workwear" });
    expect(document.querySelector('[data-field="budget"]')).toHaveTextContent("€1,200,000.50");
  });

  it("shows the problem's detail for an opportunity that does not exist", async () => {
    renderApp("/opportunities/7d9c2a10-0000-4000-8000-0000000000aa");
    expect(await screen.findByRole("alert")).toHaveTextContent("The fake API has no route");
    expect(screen.getByRole("link", { name: "Back to the opportunity map" })).toHaveAttribute("href", "/map");
  });
});

describe("expressing interest", () => {
  it("turns 'I'm interested' (with a message) into 'You are interested · Withdraw', and back", async () => {
    const api = withInterestState();
    const { user } = renderApp(`/opportunities/${YARN}`, api);
    const panel = await screen.findByRole("region", { name: "Your interest" });
    await user.type(within(panel).getByRole("textbox", { name: /Message to the cluster managers/ }), "We spin 400 t a year.");
    await user.click(within(panel).getByRole("button", { name: "I'm interested" }));

    expect(await within(panel).findByText("You are interested")).toBeInTheDocument();
    expect(panel).toHaveTextContent("We spin 400 t a year.");
    expect(api.callsTo("PUT", INTEREST)[0]?.body).toEqual({ message: "We spin 400 t a year." });
    expect(within(panel).queryByRole("button", { name: "I'm interested" })).toBeNull();

    await user.click(within(panel).getByRole("button", { name: "Withdraw" }));
    expect(await within(panel).findByRole("button", { name: "I'm interested" })).toBeInTheDocument();
    expect(within(panel).queryByText("You are interested")).toBeNull();
    expect(api.callsTo("DELETE", INTEREST)).toHaveLength(1);
  });

  it("sends no message when none was written", async () => {
    const api = withInterestState();
    const { user } = renderApp(`/opportunities/${YARN}`, api);
    await user.click(await screen.findByRole("button", { name: "I'm interested" }));
    await screen.findByText("You are interested");
    expect(api.callsTo("PUT", INTEREST)[0]?.body).toEqual({});
  });

  it("shows the problem when the interest is refused (409) and stays as it was", async () => {
    const api = withInterestState();
    api.on(`PUT ${INTEREST}`, () =>
      problem(409, "Conflict", "This opportunity is closed: interest can only be expressed in open opportunities."),
    );
    const { user } = renderApp(`/opportunities/${YARN}`, api);
    await user.click(await screen.findByRole("button", { name: "I'm interested" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Your interest could not be recorded");
    expect(alert).toHaveTextContent("This opportunity is closed: interest can only be expressed in open opportunities.");
    expect(screen.getByRole("button", { name: "I'm interested" })).toBeEnabled();
    expect(screen.queryByText("You are interested")).toBeNull();
  });
});

describe("the managers' list of interested people", () => {
  it("lists person, organisation, region, message and date for the opportunity's managers", async () => {
    const api = withInterestState({ manager: true });
    api.on(`GET ${INTERESTS}`, () => json({ items: INTERESTED_PEOPLE, next_cursor: null }));
    renderApp(`/opportunities/${YARN}`, api);
    const section = await screen.findByRole("region", { name: "Interested" });
    const table = await within(section).findByRole("table");
    const [, row] = within(table).getAllByRole("row");
    expect(row).toHaveTextContent("Demo Company Member (Norte)");
    expect(row).toHaveTextContent("Demo Spinning Mill");
    expect(row).toHaveTextContent("PT11");
    expect(row).toHaveTextContent("We spin 400 t a year of recycled cotton.");
    expect(row).toHaveTextContent("Nov 20, 2026");
    expect(section).toHaveTextContent("1 person is interested.");
  });

  it("is hidden when the API answers 403", async () => {
    const api = withInterestState({ manager: true });
    api.on(`GET ${INTERESTS}`, () =>
      problem(403, "Forbidden", "Only the cluster managers of region PT11 and the consortium admin may see who is interested."),
    );
    renderApp(`/opportunities/${YARN}`, api);
    await screen.findByRole("heading", { level: 1, name: "Recycled cotton yarn partner wanted (demo)" });
    await waitFor(() => expect(api.callsTo("GET", INTERESTS)).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole("region", { name: "Interested" })).toBeNull());
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("is not asked for when the opportunity does not count interest for the caller (not a manager)", async () => {
    const api = withInterestState();
    renderApp(`/opportunities/${YARN}`, api);
    await screen.findByRole("button", { name: "I'm interested" });
    expect(screen.queryByRole("region", { name: "Interested" })).toBeNull();
    expect(api.callsTo("GET", INTERESTS)).toHaveLength(0);
  });

  it("refreshes after the manager expresses interest too", async () => {
    const api = withInterestState({ manager: true });
    let people: typeof INTERESTED_PEOPLE = [];
    api.on(`GET ${INTERESTS}`, () => json({ items: people, next_cursor: null }));
    const { user } = renderApp(`/opportunities/${YARN}`, api);
    const section = await screen.findByRole("region", { name: "Interested" });
    expect(await within(section).findByText("Nobody has expressed interest yet.")).toBeInTheDocument();
    people = INTERESTED_PEOPLE;
    await user.click(screen.getByRole("button", { name: "I'm interested" }));
    expect(await within(section).findByText("Demo Company Member (Norte)")).toBeInTheDocument();
  });
});
