import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { CALL_IDS, CALL_SUMMARIES, ME } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const LIST = "GET /api/proposals/calls";
const MEMBER = { ...ME, memberships: [{ role: "member" as const, region: "PT11", organisation_id: null }] };

function apiWithCalls(items = CALL_SUMMARIES, me = ME) {
  const api = createFakeApi({ me });
  api.on(LIST, () => json({ items, next_cursor: null }));
  return api;
}

describe("the calls page", () => {
  it("lists each call with its kind, year, phases, status and whether it is open, with the count announced", async () => {
    renderApp("/calls", apiWithCalls());
    expect(await screen.findByRole("heading", { level: 1, name: "Calls for proposals" })).toBeInTheDocument();
    expect(await screen.findByText("3 calls")).toHaveAttribute("aria-live", "polite");
    const list = screen.getByRole("list", { name: "Calls" });
    const published = list.querySelector(`li[data-call-id="${CALL_IDS.published}"]`) as HTMLElement;
    expect(within(published).getByRole("link", { name: "Interregional circular textiles 2027" })).toHaveAttribute(
      "href",
      `/calls/${CALL_IDS.published}`,
    );
    expect(published).toHaveTextContent("TEX4IM-2027");
    expect(published).toHaveTextContent("Dated call");
    expect(published).toHaveTextContent("Open for submission");
    expect(published.querySelector('[data-phase="submission"]')).toHaveTextContent(/^Submission: Oct 1, 2026/);
    expect(within(published).getByRole("list", { name: "Eligible thematic priorities" })).toHaveTextContent(
      "Circular economyAdvanced materials",
    );
    const archived = list.querySelector(`li[data-call-id="${CALL_IDS.archived}"]`) as HTMLElement;
    expect(archived).toHaveTextContent("Permanent annual call 2026");
    expect(archived).toHaveTextContent("Archived");
    expect(list.querySelector(`li[data-call-id="${CALL_IDS.draft}"]`)).toHaveTextContent("Draft");
  });

  it("gives the admin the New call link and the drafts filter", async () => {
    renderApp("/calls", apiWithCalls());
    expect(await screen.findByRole("link", { name: "New call" })).toHaveAttribute("href", "/calls/new");
    expect(within(screen.getByLabelText("Status")).getByRole("option", { name: "Draft" })).toBeInTheDocument();
  });

  it("gives other users neither, and says when calls will appear", async () => {
    renderApp("/calls", apiWithCalls([], MEMBER));
    expect(await screen.findByText("There are no calls yet.")).toBeInTheDocument();
    expect(screen.getByText("Calls appear here as soon as the consortium publishes them.")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "New call" })).not.toBeInTheDocument();
    expect(within(screen.getByLabelText("Status")).queryByRole("option", { name: "Draft" })).not.toBeInTheDocument();
  });

  it("keeps the filters in the address and sends them to the API", async () => {
    const api = apiWithCalls();
    const { user, router } = renderApp("/calls", api);
    await screen.findByRole("list", { name: "Calls" });
    await user.selectOptions(screen.getByLabelText("Status"), "archived");
    await user.selectOptions(screen.getByLabelText("Kind"), "permanent");
    expect(router.state.location.search).toBe("?status=archived&kind=permanent");
    const last = api.callsTo("GET", "/api/proposals/calls").at(-1)!;
    expect(new URLSearchParams(last.search).get("status")).toBe("archived");
    expect(new URLSearchParams(last.search).get("kind")).toBe("permanent");
  });

  it("shows the problem's detail when the calls cannot be read", async () => {
    const api = createFakeApi();
    api.on(LIST, () => problem(503, "Service unavailable", "The proposals service is restarting."));
    renderApp("/calls", api);
    expect(await screen.findByRole("alert")).toHaveTextContent("The proposals service is restarting.");
  });

  it("is linked from the main navigation for every signed-in user", async () => {
    const { user } = renderApp("/calls", apiWithCalls([], MEMBER));
    const navigation = await screen.findByRole("navigation", { name: "Main navigation" });
    await user.click(within(navigation).getByRole("button", { name: "Proposals" }));
    expect(within(navigation).getByRole("link", { name: "Calls" })).toHaveAttribute("href", "/calls");
  });
});
