import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { OPPORTUNITY_HITS, SAVED_SEARCHES } from "@/testing/data";
import { createFakeApi, json } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const [NORTE, SMART] = SAVED_SEARCHES as [(typeof SAVED_SEARCHES)[number], (typeof SAVED_SEARCHES)[number]];
const base = "/api/intelligence/saved-searches";

function withResults() {
  const api = createFakeApi();
  let seen = false;
  api.on(`GET ${base}/${NORTE.id}`, () => json({ ...NORTE, new_count: seen ? 0 : 2 }));
  api.on(`GET ${base}/${NORTE.id}/results`, () =>
    json({
      items: OPPORTUNITY_HITS.slice(0, 2).map((hit, index) => ({ ...hit, is_new: !seen && index === 0 })),
      next_cursor: null,
      saved_search_id: NORTE.id,
      target: "opportunities",
      total: 2,
      new_count: seen ? 0 : 1,
    }),
  );
  api.on(`POST ${base}/${NORTE.id}/seen`, () => {
    seen = true;
    return json({ ...NORTE, new_count: 0 });
  });
  return api;
}

describe("the saved searches page", () => {
  it("lists the saved searches with their filters and an 'N new' badge", async () => {
    renderApp("/saved-searches");
    const list = await screen.findByRole("list", { name: "Saved searches" });
    const [norte, smart] = within(list).getAllByRole("listitem").filter((item) => item.dataset.savedSearchId);
    expect(norte).toHaveTextContent("Circular economy in Norte");
    expect(norte).toHaveTextContent("2 new");
    await waitFor(() => expect(norte).toHaveTextContent("Opportunities: Circular economy · Norte"));
    expect(smart).toHaveTextContent("Smart textiles");
    expect(smart).toHaveTextContent("“sensors”");
    expect(smart).not.toHaveTextContent("new");
    expect(within(norte!).getByRole("link", { name: "Circular economy in Norte" })).toHaveAttribute(
      "href",
      `/saved-searches/${NORTE.id}`,
    );
  });

  it("says how to save a search when there is none", async () => {
    const api = createFakeApi();
    api.on(`GET ${base}`, () => json({ items: [], next_cursor: null }));
    renderApp("/saved-searches", api);
    expect(await screen.findByText(/You have no saved search yet/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to the opportunity map" })).toHaveAttribute("href", "/map");
  });

  it("deletes a saved search after a confirmation", async () => {
    const api = createFakeApi();
    let searches = SAVED_SEARCHES;
    api.on(`GET ${base}`, () => json({ items: searches, next_cursor: null }));
    api.on(`DELETE ${base}/${SMART.id}`, () => {
      searches = [NORTE];
      return new Response(null, { status: 204 });
    });
    const { user } = renderApp("/saved-searches", api);
    await user.click(await screen.findByRole("button", { name: "Delete “Smart textiles”" }));
    await user.click(screen.getByRole("button", { name: "Yes, delete" }));
    await waitFor(() => expect(screen.queryByText("Smart textiles")).toBeNull());
    expect(api.callsTo("DELETE", `${base}/${SMART.id}`)).toHaveLength(1);
    expect(screen.getByText("Circular economy in Norte")).toBeInTheDocument();
  });
});

describe("a saved search's results", () => {
  it("marks the new results, then marks the search seen without clearing the marks on screen", async () => {
    const api = withResults();
    const { container } = renderApp(`/saved-searches/${NORTE.id}`, api);
    expect(await screen.findByRole("heading", { level: 1, name: "Results of “Circular economy in Norte”" })).toBeInTheDocument();
    const list = await screen.findByRole("list", { name: "Results" });
    const items = within(list).getAllByRole("listitem").filter((item) => item.dataset.opportunityId);
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveAttribute("data-new", "true");
    expect(items[0]).toHaveTextContent("New");
    expect(items[1]).toHaveAttribute("data-new", "false");
    expect(screen.getByText(/2 results · 1 new/)).toBeInTheDocument();

    await waitFor(() => expect(api.callsTo("POST", `${base}/${NORTE.id}/seen`)).toHaveLength(1));
    expect(container.querySelector('[data-new="true"]')).not.toBeNull();
    expect(screen.getByRole("link", { name: "Open this search on the map" })).toHaveAttribute(
      "href",
      "/map?priority=circular_economy&region=PT11",
    );
  });

  it("comes back from the list with no badge once seen", async () => {
    const api = withResults();
    api.on(`GET ${base}`, () =>
      json({ items: [{ ...NORTE, new_count: api.callsTo("POST", `${base}/${NORTE.id}/seen`).length ? 0 : 2 }], next_cursor: null }),
    );
    const { user } = renderApp("/saved-searches", api);
    await screen.findByText("2 new");
    await user.click(screen.getByRole("link", { name: "Circular economy in Norte" }));
    await waitFor(() => expect(api.callsTo("POST", `${base}/${NORTE.id}/seen`)).toHaveLength(1));
    await user.click(screen.getByRole("link", { name: "All saved searches" }));
    await screen.findByRole("list", { name: "Saved searches" });
    await waitFor(() => expect(screen.queryByText("2 new")).toBeNull());
  });
});
