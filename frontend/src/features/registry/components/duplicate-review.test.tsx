import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { REGISTRY_DUPLICATES, REGISTRY_IDS } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const LIST = "/api/intelligence/organisation-duplicates";
const MERGE = `${LIST}/${REGISTRY_IDS.duplicate}/merge`;
const DISMISS = `${LIST}/${REGISTRY_IDS.duplicate}/dismiss`;

/** The fake answers the open pairs until one is resolved, then an empty list. */
function apiWithOnePair() {
  const api = createFakeApi();
  let open = true;
  api.on(`GET ${LIST}`, () => json({ items: open ? REGISTRY_DUPLICATES : [], next_cursor: null }));
  api.on(`POST ${MERGE}`, (call) => {
    open = false;
    const keep = (call.body as { keep: "first" | "second" }).keep;
    return json({ duplicate: { ...REGISTRY_DUPLICATES[0], status: "merged" }, survivor: { id: REGISTRY_DUPLICATES[0]![keep].id } });
  });
  api.on(`POST ${DISMISS}`, () => {
    open = false;
    return json({ ...REGISTRY_DUPLICATES[0], status: "dismissed" });
  });
  return api;
}

describe("the duplicate review", () => {
  it("shows each open pair side by side with the reason and the similarity", async () => {
    const { api } = renderApp("/organisations/duplicates");
    const pairs = await screen.findByRole("list", { name: "Open pairs" });
    const pair = within(pairs).getAllByRole("listitem")[0]!;
    expect(pair).toHaveTextContent("Same VAT number");
    expect(pair).toHaveTextContent("100% similar");
    const [first, second] = [...pair.querySelectorAll<HTMLElement>(".duplicate-side")];
    expect(first).toHaveTextContent("Lanificio Demo Prato");
    expect(first).toHaveTextContent("IT01234567890");
    expect(first).toHaveTextContent("Prato");
    await waitFor(() => expect(first).toHaveTextContent("Toscana"));
    expect(second).toHaveTextContent("Lanificio Demo Prato S.r.l.");
    expect(screen.getByText("1 open pair")).toHaveAttribute("role", "status");
    expect(api.callsTo("GET", LIST)[0]?.search).toContain("status=open");
  });

  it("merges into the side kept after a confirmation that explains what moves", async () => {
    const api = apiWithOnePair();
    const { user } = renderApp("/organisations/duplicates", api);
    const keepSecond = await screen.findByRole("button", { name: "Keep this one: Lanificio Demo Prato S.r.l." });
    expect(keepSecond).toHaveTextContent("Keep this one");
    await user.click(keepSecond);

    const dialog = screen.getByRole("dialog", { name: "Keep Lanificio Demo Prato S.r.l.?" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveTextContent("Lanificio Demo Prato will be merged into Lanificio Demo Prato S.r.l.");
    expect(dialog).toHaveTextContent(/contacts, cluster memberships and opportunities of Lanificio Demo Prato move/);
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    expect(api.callsTo("POST", MERGE)).toHaveLength(0);

    await user.click(within(dialog).getByRole("button", { name: "Merge" }));
    expect(await screen.findByText(/Lanificio Demo Prato was merged into Lanificio Demo Prato S.r.l\./)).toBeInTheDocument();
    expect(api.callsTo("POST", MERGE).map((call) => call.body)).toEqual([{ keep: "second" }]);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Open Lanificio Demo Prato S.r.l." })).toHaveAttribute(
      "href",
      `/organisations/${REGISTRY_IDS.merged}`,
    );
    // the list refreshes: the pair is gone
    expect(await screen.findByText(/No open pair to review/)).toBeInTheDocument();
  });

  it("cancels with Escape, keeping the first side works the same way", async () => {
    const api = apiWithOnePair();
    const { user } = renderApp("/organisations/duplicates", api);
    const keepFirst = await screen.findByRole("button", { name: "Keep this one: Lanificio Demo Prato" });
    await user.click(keepFirst);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(keepFirst).toHaveFocus();

    await user.click(keepFirst);
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Merge" }));
    await waitFor(() => expect(api.callsTo("POST", MERGE).map((call) => call.body)).toEqual([{ keep: "first" }]));
  });

  it("shows the problem in the dialog when the merge is refused", async () => {
    const api = createFakeApi();
    api.on(`POST ${MERGE}`, () =>
      problem(403, "Forbidden", "Only the cluster managers of both records' regions and the consortium admin may merge them."),
    );
    const { user } = renderApp("/organisations/duplicates", api);
    await user.click(await screen.findByRole("button", { name: "Keep this one: Lanificio Demo Prato" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Merge" }));
    expect(await within(screen.getByRole("dialog")).findByRole("alert")).toHaveTextContent(
      "Only the cluster managers of both records' regions and the consortium admin may merge them.",
    );
  });

  it("dismisses a pair that is not a duplicate and refreshes the list", async () => {
    const api = apiWithOnePair();
    const { user } = renderApp("/organisations/duplicates", api);
    await user.click(await screen.findByRole("button", { name: "Not a duplicate" }));
    expect(
      await screen.findByText("Lanificio Demo Prato and Lanificio Demo Prato S.r.l. are marked as different organisations."),
    ).toBeInTheDocument();
    expect(api.callsTo("POST", DISMISS)).toHaveLength(1);
    expect(await screen.findByText(/No open pair to review/)).toBeInTheDocument();
  });
});
