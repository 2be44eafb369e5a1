import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { assignmentDetail, EVALUATION_IDS, evaluationReview } from "@/testing/data";
import { createFakeApi, json, problem, withHeaders } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const ID = EVALUATION_IDS.assignmentOpen;
const PATH = `/evaluation/assignments/${ID}`;
const SCORES = `/api/proposals/assignments/${ID}/scores`;
const SUBMIT = `/api/proposals/assignments/${ID}/submit`;

async function openSheet(api = createFakeApi()) {
  const view = renderApp(PATH, api);
  await screen.findByRole("form", { name: "Your review" });
  return view;
}

const criterion = (key: string) => document.querySelector<HTMLElement>(`fieldset[data-criterion="${key}"]`)!;

describe("the score sheet", () => {
  it("shows the frozen proposal with its private answers and attachment links beside the rubric", async () => {
    await openSheet();
    const proposal = screen.getByRole("region", { name: "The proposal as submitted" });
    expect(within(proposal).getByText(/Version 1, submitted/)).toBeInTheDocument();
    expect(proposal).toHaveTextContent("Sorting, fibre opening and carding");
    expect(proposal).toHaveTextContent("Filatura Toscana (demo) (ITI1)");
    expect(proposal).toHaveTextContent("Fiação do Norte (demo) (PT11)");
    const privateAnswer = proposal.querySelector('[data-field-key="cost_sheet"]')!;
    expect(privateAnswer).toHaveTextContent("Private to evaluators");
    expect(privateAnswer).toHaveTextContent("Carding line: €400,000.");
    expect(proposal.querySelector('[data-field-key="pilot_ready"]')).toHaveTextContent("Yes");
    expect(within(proposal).getByRole("link", { name: "budget.xlsx" })).toHaveAttribute(
      "href",
      `/api/proposals/proposals/${EVALUATION_IDS.proposalOpen}/attachments/${EVALUATION_IDS.attachment}/content`,
    );
    expect(within(proposal).getByText(/Budget · 24 kB/)).toBeInTheDocument();

    // the rubric: weight share and threshold per criterion
    expect(criterion("implementation")).toHaveTextContent("Weight 20% · threshold 2.5");
    expect(criterion("excellence")).toHaveTextContent("Novelty and soundness.");
  });

  it("scores with an accessible radio group per criterion, starting from the saved review", async () => {
    const { user } = await openSheet();
    const excellence = screen.getByRole("radiogroup", { name: "Score for Excellence" });
    expect(within(excellence).getByRole("radio", { name: "4" })).toBeChecked();
    const impact = screen.getByRole("radiogroup", { name: "Score for Impact" });
    expect(within(impact).getByRole("radio", { name: "Not scored" })).toBeChecked();
    expect(within(impact).getAllByRole("radio")).toHaveLength(12);

    await user.click(within(impact).getByRole("radio", { name: "3.5" }));
    expect(within(impact).getByRole("radio", { name: "3.5" })).toBeChecked();
    // the keyboard moves through the half steps
    await user.keyboard("{ArrowRight}");
    expect(within(impact).getByRole("radio", { name: "4" })).toBeChecked();
    expect(criterion("impact")).toHaveTextContent("4 reaches the threshold of 3.");
  });

  it("marks the comment required as soon as a score falls below the threshold", async () => {
    const { user } = await openSheet();
    const comment = screen.getByLabelText(/Comment on Impact/);
    expect(comment).not.toBeRequired();
    await user.click(within(screen.getByRole("radiogroup", { name: "Score for Impact" })).getByRole("radio", { name: "2.5" }));
    expect(comment).toBeRequired();
    expect(screen.getByText("Comment on Impact").closest("label")).toHaveTextContent("(required: below the threshold)");
    expect(criterion("impact")).toHaveTextContent("2.5 is below the threshold of 3: explain it in the comment.");
  });

  it("saves with If-Match and shows the server's live total and each criterion's result", async () => {
    const api = createFakeApi();
    const { user } = await openSheet(api);
    const result = screen.getByRole("region", { name: "Result" });
    expect(within(result).getByTestId("review-total")).toHaveTextContent("1.2");
    expect(result).toHaveTextContent("3 criteria still to score.");

    await user.click(within(screen.getByRole("radiogroup", { name: "Score for Impact" })).getByRole("radio", { name: "3.5" }));
    expect(screen.getByTestId("save-status")).toHaveTextContent("Unsaved changes");
    // the estimate with the changes not saved yet: (30×4 + 30×3.5) / 100 = 2.25
    expect(within(result).getByTestId("unsaved-total")).toHaveTextContent("With your unsaved changes: 2.25");

    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(within(result).getByTestId("review-total")).toHaveTextContent("2.25"));
    expect(screen.getByTestId("save-status")).toHaveTextContent("All changes saved.");
    expect(within(result).queryByTestId("unsaved-total")).not.toBeInTheDocument();
    const [put] = api.callsTo("PUT", SCORES);
    expect(put?.headers.get("If-Match")).toBe('"2"');
    expect(put?.body).toEqual({
      scores: [
        { criterion: "excellence", value: 4, comment: "Clear method." },
        { criterion: "impact", value: 3.5, comment: "" },
      ],
      comment: "",
    });
    expect(result.querySelector('tr[data-criterion="impact"]')).toHaveAttribute("data-passed", "true");
    expect(result.querySelector('tr[data-criterion="implementation"]')).toHaveAttribute("data-passed", "unknown");

    // the next save sends the new version
    await user.type(screen.getByLabelText("Overall comment"), "Promising.");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(api.callsTo("PUT", SCORES)).toHaveLength(2));
    expect(api.callsTo("PUT", SCORES)[1]?.headers.get("If-Match")).toBe('"3"');
  });

  it("lists what is missing next to the criteria instead of submitting an incomplete review", async () => {
    const api = createFakeApi();
    const { user } = await openSheet(api);
    await user.click(within(screen.getByRole("radiogroup", { name: "Score for Impact" })).getByRole("radio", { name: "2" }));
    await user.click(screen.getByRole("button", { name: "Submit review" }));

    const summary = await screen.findByTestId("review-problems");
    expect(summary).toHaveTextContent("3 criteria need your attention before submitting");
    expect(summary).toHaveTextContent("Impact: The score is below the threshold: say why in the comment.");
    expect(summary).toHaveTextContent("Implementation: Give a score.");
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getByLabelText(/Comment on Impact/)).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("radiogroup", { name: "Score for Interregional value" })).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(api.callsTo("POST", SUBMIT)).toHaveLength(0);

    // fixing a criterion clears its problem
    await user.type(screen.getByLabelText(/Comment on Impact/), "Few firms reached.");
    expect(screen.getByLabelText(/Comment on Impact/)).not.toHaveAttribute("aria-invalid");
  });

  it("refuses to save a comment that has no score", async () => {
    const api = createFakeApi();
    const { user } = await openSheet(api);
    await user.type(screen.getByLabelText(/Comment on Impact/), "Good reach.");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByTestId("review-problems")).toHaveTextContent(
      "Impact: Give a score to keep this comment: comments are saved with their score.",
    );
    expect(api.callsTo("PUT", SCORES)).toHaveLength(0);
  });

  it("asks for confirmation, saves pending changes, then submits and turns read-only", async () => {
    const api = createFakeApi();
    let submitted = false;
    api.on(`POST ${SUBMIT}`, () => {
      submitted = true;
      return json(evaluationReview(FULL_SCORES, { status: "submitted", version: 4 }));
    });
    api.on(`GET /api/proposals/assignments/${ID}`, () => {
      const detail = assignmentDetail(ID)!;
      return withHeaders(
        json(submitted ? { ...detail, review: evaluationReview(FULL_SCORES, { status: "submitted", version: 4 }) } : detail),
        { ETag: submitted ? '"4"' : '"2"' },
      );
    });
    const { user } = await openSheet(api);
    await scoreAll(user);

    const submit = screen.getByRole("button", { name: "Submit review" });
    await user.click(submit);
    const dialog = screen.getByRole("dialog", { name: "Submit your review?" });
    expect(dialog).toHaveTextContent("Your total is 3.35.");
    expect(dialog).toHaveTextContent("Once submitted, your scores and comments can no longer change.");
    expect(dialog).toHaveTextContent("Your unsaved changes are saved first.");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(submit).toHaveFocus();
    expect(api.callsTo("POST", SUBMIT)).toHaveLength(0);

    await user.click(submit);
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Submit review" }));

    expect(await screen.findByText("Your review was submitted. Thank you.")).toBeInTheDocument();
    expect(api.callsTo("PUT", SCORES)).toHaveLength(1);
    const [post] = api.callsTo("POST", SUBMIT);
    expect(post?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
    const sheet = screen.getByTestId("submitted-review");
    expect(sheet).toHaveTextContent(/Submitted .* It can no longer change\./);
    expect(screen.queryByRole("form", { name: "Your review" })).not.toBeInTheDocument();
    expect(screen.queryByRole("radio")).not.toBeInTheDocument();
  });

  it("lists the API's 422 problems next to the criteria when the submission is refused", async () => {
    const api = createFakeApi();
    api.on(`POST ${SUBMIT}`, () =>
      problem(422, "Review incomplete", "Score every criterion, and explain each score below its threshold, before submitting.", {
        errors: [
          { field: "scores.interregional", code: "missing_score", message: "not scored" },
          { field: "scores.impact.comment", code: "comment_required", message: "scored below the threshold: say why" },
        ],
      }),
    );
    const { user } = await openSheet(api);
    await scoreAll(user);
    await user.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("All changes saved.");
    await user.click(screen.getByRole("button", { name: "Submit review" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Submit review" }));

    const summary = await screen.findByTestId("review-problems");
    expect(summary).toHaveTextContent("Score every criterion, and explain each score below its threshold, before submitting.");
    expect(summary).toHaveTextContent("Interregional value: Give a score.");
    expect(summary).toHaveTextContent("Impact: The score is below the threshold: say why in the comment.");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(criterion("impact")).toHaveAttribute("data-invalid", "true");
    expect(screen.getByRole("form", { name: "Your review" })).toBeInTheDocument();
  });

  it("explains a stale save (412) and reloads the saved version", async () => {
    const api = createFakeApi();
    api.on(`PUT ${SCORES}`, () =>
      problem(412, "Precondition failed", "The record has changed since you read it (it is now version 7). Reload it and try again."),
    );
    const { user } = await openSheet(api);
    await user.click(within(screen.getByRole("radiogroup", { name: "Score for Impact" })).getByRole("radio", { name: "5" }));
    await user.click(screen.getByRole("button", { name: "Save" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Your review was changed elsewhere");
    expect(alert).toHaveTextContent("it is now version 7");

    api.on(`GET /api/proposals/assignments/${ID}`, () => {
      const detail = assignmentDetail(ID)!;
      const review = evaluationReview([{ criterion: "impact", value: 1, comment: "Saved elsewhere." }], { version: 7 });
      return withHeaders(json({ ...detail, review }), { ETag: '"7"' });
    });
    await user.click(within(alert).getByRole("button", { name: "Load the saved version" }));
    await waitFor(() =>
      expect(within(screen.getByRole("radiogroup", { name: "Score for Impact" })).getByRole("radio", { name: "1" })).toBeChecked(),
    );
    expect(screen.getByLabelText(/Comment on Impact/)).toHaveValue("Saved elsewhere.");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows a submitted review read-only", async () => {
    renderApp(`/evaluation/assignments/${EVALUATION_IDS.assignmentSubmitted}`);
    const sheet = await screen.findByTestId("submitted-review");
    expect(sheet).toHaveTextContent("Impact: 2.5 (threshold 3) (Below)");
    expect(sheet).toHaveTextContent("Few firms reached.");
    expect(sheet).toHaveTextContent("A solid plan.");
    expect(screen.queryByRole("button", { name: "Submit review" })).not.toBeInTheDocument();
    expect(screen.getByText(/You were added because the other evaluators' scores diverged/)).toBeInTheDocument();
  });

  it("shows the problem's detail when the assignment is not the caller's", async () => {
    const api = createFakeApi();
    api.on(`GET /api/proposals/assignments/${ID}`, () =>
      problem(404, "Not found", `There is no assignment ${ID} of yours.`),
    );
    renderApp(PATH, api);
    expect(await screen.findByRole("alert")).toHaveTextContent(`There is no assignment ${ID} of yours.`);
    expect(screen.getByRole("heading", { name: "This review is not available" })).toBeInTheDocument();
  });
});

const FULL_SCORES = [
  { criterion: "excellence", value: 4, comment: "Clear method." },
  { criterion: "impact", value: 3.5, comment: "" },
  { criterion: "implementation", value: 2.5, comment: "" },
  { criterion: "interregional", value: 3, comment: "" },
];

async function scoreAll(user: ReturnType<typeof renderApp>["user"]) {
  for (const [title, value] of [
    ["Impact", "3.5"],
    ["Implementation", "2.5"],
    ["Interregional value", "3"],
  ] as const) {
    await user.click(within(screen.getByRole("radiogroup", { name: `Score for ${title}` })).getByRole("radio", { name: value }));
  }
}
