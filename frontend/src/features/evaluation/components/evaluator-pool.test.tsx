import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { EVALUATION_IDS, ME } from "@/testing/data";
import { createFakeApi, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const row = (id: string) => document.querySelector<HTMLElement>(`tr[data-evaluator-id="${id}"]`)!;

describe("the evaluator pool", () => {
  it("lists each evaluator's expertise, languages, organisation, region and load against the maximum", async () => {
    renderApp("/evaluators");
    await screen.findByRole("table", { name: "The evaluators of the pool with their load" });
    const me = row(EVALUATION_IDS.me);
    expect(within(me).getByRole("rowheader")).toHaveTextContent("Giulia Demo");
    expect(me).toHaveTextContent("Lanificio Valutazioni (demo)");
    expect(me).toHaveTextContent("ITC1");
    expect(me).toHaveTextContent("Circular economy");
    expect(me).toHaveTextContent("English, Italian");
    expect(me).toHaveTextContent("2 / 5");
    const colleague = row(EVALUATION_IDS.colleague);
    expect(colleague).toHaveAttribute("data-active", "false");
    expect(colleague).toHaveTextContent("3 / 2");
    expect(colleague).toHaveTextContent("(over the maximum)");
    expect(screen.getByTestId("pool-count")).toHaveTextContent("2 evaluators");
  });

  it("activates an evaluator with the switch (PATCH active)", async () => {
    const { api, user } = renderApp("/evaluators");
    await screen.findByRole("table");
    const toggle = within(row(EVALUATION_IDS.colleague)).getByRole("switch", { name: "Ana Avaliadora is active" });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(await screen.findByText("Ana Avaliadora is active again and can be assigned proposals.")).toBeInTheDocument();
    expect(api.callsTo("PATCH", `/api/proposals/evaluators/${EVALUATION_IDS.colleague}`)[0]?.body).toEqual({ active: true });
  });

  it("changes the maximum load, empty for no limit", async () => {
    const { api, user } = renderApp("/evaluators");
    await screen.findByRole("table");
    await user.click(screen.getByRole("button", { name: "Change the maximum load of Giulia Demo" }));
    const form = screen.getByRole("form", { name: "Maximum load of Giulia Demo" });
    const input = within(form).getByLabelText("Maximum load of Giulia Demo");
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, "200");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    expect(within(form).getByText("Give a whole number from 1 to 100, or leave it empty.")).toBeInTheDocument();

    await user.clear(input);
    await user.click(within(form).getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Giulia Demo now has no maximum load.")).toBeInTheDocument();
    expect(api.callsTo("PATCH", `/api/proposals/evaluators/${EVALUATION_IDS.me}`)[0]?.body).toEqual({ max_load: null });
  });

  it("filters active and inactive evaluators", async () => {
    const { api, user } = renderApp("/evaluators");
    await screen.findByRole("table");
    await user.selectOptions(screen.getByLabelText("Show"), "inactive");
    await waitFor(() => expect(screen.getByTestId("pool-count")).toHaveTextContent("1 evaluator"));
    expect(api.callsTo("GET", "/api/proposals/evaluators").at(-1)?.search).toContain("active=false");
  });

  it("shows the API's refusal", async () => {
    const api = createFakeApi();
    api.on(`PATCH /api/proposals/evaluators/${EVALUATION_IDS.me}`, () =>
      problem(404, "Not found", `There is no evaluator ${EVALUATION_IDS.me}.`),
    );
    const { user } = renderApp("/evaluators", api);
    await screen.findByRole("table");
    await user.click(within(row(EVALUATION_IDS.me)).getByRole("switch"));
    expect(await screen.findByRole("alert")).toHaveTextContent(`There is no evaluator ${EVALUATION_IDS.me}.`);
  });

  it("is for the consortium administrator only", async () => {
    const api = createFakeApi({ me: { ...ME, memberships: [{ role: "evaluator", region: null, organisation_id: null }] } });
    renderApp("/evaluators", api);
    expect(await screen.findByText("Only the consortium administrator can see this page.")).toBeInTheDocument();
    expect(api.callsTo("GET", "/api/proposals/evaluators")).toHaveLength(0);
  });
});
