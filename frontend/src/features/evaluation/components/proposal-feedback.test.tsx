import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { EVALUATION_IDS, proposalFeedback } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const FEEDBACK = `/api/proposals/proposals/${EVALUATION_IDS.proposalOpen}/feedback`;
const PATH = `/proposals/${EVALUATION_IDS.proposalOpen}/feedback`;

function withPolicy(policy: "none" | "scores" | "scores_and_comments") {
  const api = createFakeApi();
  api.on(`GET ${FEEDBACK}`, () => json(proposalFeedback(policy)));
  return api;
}

describe("the applicants' feedback", () => {
  it("gives the outcome and rank only when the call's policy is none", async () => {
    renderApp(PATH, withPolicy("none"));
    expect(await screen.findByRole("heading", { name: "Feedback on TEX-ITI1-007" })).toBeInTheDocument();
    expect(screen.getByText("On the reserve list")).toHaveAttribute("data-outcome", "reserve");
    expect(screen.getByTestId("feedback-rank")).toHaveTextContent("Ranked 6 of 9 fundable proposals.");
    expect(screen.getByTestId("feedback-policy-note")).toHaveTextContent("This call shares the outcome and the rank only");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "← Back to the proposal" })).toHaveAttribute(
      "href",
      `/proposals/${EVALUATION_IDS.proposalOpen}`,
    );
  });

  it("adds the scores per criterion against the thresholds under the scores policy, without comments", async () => {
    renderApp(PATH, withPolicy("scores"));
    const table = await screen.findByRole("table", { name: /consensus score on each criterion/ });
    expect(within(table).getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual([
      "Criterion",
      "Score",
      "Threshold",
      "Result",
    ]);
    const impact = table.querySelector('tr[data-criterion="impact"]')!;
    expect(impact).toHaveTextContent("Impact2.53Below");
    expect(screen.getByTestId("feedback-total")).toHaveTextContent("Total 3.35 (threshold 3). It did not pass the thresholds.");
    expect(screen.queryByText("Few firms reached.")).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "The panel's summary" })).not.toBeInTheDocument();
  });

  it("adds the panel's comments and summary under the scores and comments policy", async () => {
    renderApp(PATH, withPolicy("scores_and_comments"));
    const table = await screen.findByRole("table");
    expect(within(table).getByRole("columnheader", { name: "The panel's comment" })).toBeInTheDocument();
    expect(table).toHaveTextContent("Few firms reached.");
    expect(screen.getByRole("heading", { name: "The panel's summary" })).toBeInTheDocument();
    expect(screen.getByText("A promising proposal held back by its reach.")).toBeInTheDocument();
  });

  it("says clearly that the decisions are not released yet", async () => {
    const api = createFakeApi();
    api.on(`GET ${FEEDBACK}`, () =>
      problem(409, "Conflict", "The panel's decisions on call TEX4IM-2027-1 are not released yet."),
    );
    renderApp(PATH, api);
    const panel = await screen.findByTestId("feedback-not-released");
    expect(within(panel).getByRole("heading", { name: "Not released yet" })).toBeInTheDocument();
    expect(panel).toHaveTextContent("The panel's decisions on call TEX4IM-2027-1 are not released yet.");
    expect(panel).toHaveTextContent("you will get a notification");
  });

  it("shows the problem's detail for anyone who may not read the feedback", async () => {
    const api = createFakeApi();
    api.on(`GET ${FEEDBACK}`, () =>
      problem(403, "Forbidden", "Only the proposal's co-authors, the lead region's cluster managers and the consortium admin may read its feedback."),
    );
    renderApp(PATH, api);
    expect(await screen.findByRole("alert")).toHaveTextContent("Only the proposal's co-authors");
  });
});
