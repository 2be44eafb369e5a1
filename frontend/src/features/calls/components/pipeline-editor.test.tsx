import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { CALL_IDS } from "@/testing/data";
import { createFakeApi, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const PAGE = `/calls/${CALL_IDS.published}/pipeline`;
const PIPELINE = `/api/proposals/calls/${CALL_IDS.published}/pipeline`;

function table(name: string): HTMLElement {
  return screen.getByRole("table", { name });
}

describe("the pipeline editor", () => {
  it("edits the stages and steps as tables and saves them whole with If-Match", { timeout: 30_000 }, async () => {
    const api = createFakeApi();
    const { user } = renderApp(PAGE, api);
    expect(await screen.findByRole("heading", { level: 1, name: "Edit the pipeline" })).toBeInTheDocument();
    const stages = table("Stages");
    expect(within(stages).getAllByRole("row")).toHaveLength(9);
    expect(within(stages).getByLabelText("Key of Stage 3 (Screening)")).toHaveValue("screening");

    // renaming a stage keeps the steps pointing at it
    const key = within(stages).getByLabelText("Key of Stage 3 (Screening)");
    await user.clear(key);
    await user.type(key, "eligibility");
    const steps = table("Steps between stages");
    expect(within(steps).getByLabelText("From of Step 3 (Admit to evaluation)")).toHaveValue("eligibility");

    await user.click(within(steps).getByRole("checkbox", { name: "Comment required of Step 3 (Admit to evaluation)" }));
    await user.click(screen.getByRole("button", { name: "Save the pipeline" }));
    expect(await screen.findByRole("status")).toHaveTextContent("The pipeline was saved.");
    const [put] = api.callsTo("PUT", PIPELINE);
    expect(put?.headers.get("If-Match")).toBe('"4"');
    const body = put?.body as { stages: { key: string }[]; transitions: { key: string; from_stage: string; comment_required: boolean }[] };
    expect(body.stages.map((stage) => stage.key)).toContain("eligibility");
    expect(body.transitions.find((step) => step.key === "admit_to_evaluation")).toMatchObject({
      from_stage: "eligibility",
      comment_required: true,
    });
  });

  it("shows the API's problems in the rows they are about, and the pipeline's own at the top of its table", async () => {
    const api = createFakeApi();
    api.on(`PUT ${PIPELINE}`, () =>
      problem(422, "Invalid pipeline", "The pipeline has 3 faults; each is named in `errors`.", {
        errors: [
          { field: "body.stages.2", message: "'screening' is not terminal, but no transition leaves it", code: "no_way_out" },
          { field: "body.transitions.2.guard", message: "decision_released transitions all leave the stage the evaluation happens in", code: "guard_misplaced" },
          { field: "body.transitions", message: "the panel's decisions are released through transitions guarded by decision_released", code: "no_decision_release" },
        ],
      }),
    );
    const { user } = renderApp(PAGE, api);
    await screen.findByRole("heading", { level: 1, name: "Edit the pipeline" });
    await user.click(screen.getByRole("button", { name: "Save the pipeline" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The pipeline has 3 faults");
    expect(alert).toHaveTextContent("3 problems are marked in the tables below.");
    const screeningRow = table("Stages").querySelector('[data-stage-row="2"]') as HTMLElement;
    expect(screeningRow).toHaveAttribute("data-invalid", "true");
    expect(screeningRow).toHaveTextContent("'screening' is not terminal, but no transition leaves it");
    const guard = within(table("Steps between stages")).getByLabelText("Guard of Step 3 (Admit to evaluation)");
    expect(guard).toHaveAttribute("aria-invalid", "true");
    expect(guard).toHaveAccessibleDescription("decision_released transitions all leave the stage the evaluation happens in");
    expect(screen.getByRole("region", { name: "Steps between stages" })).toHaveTextContent(
      "the panel's decisions are released through transitions guarded by decision_released",
    );
  });

  it("checks keys and actors before sending, and adds and removes rows", async () => {
    const api = createFakeApi();
    const { user } = renderApp(PAGE, api);
    await screen.findByRole("heading", { level: 1, name: "Edit the pipeline" });
    await user.click(screen.getByRole("button", { name: "Add a stage" }));
    await user.click(screen.getByRole("button", { name: "Add a step" }));
    const steps = table("Steps between stages");
    const added = within(steps).getAllByRole("row").at(-1)!;
    await user.click(within(added).getByRole("checkbox", { name: "Admin" }));
    await user.click(screen.getByRole("button", { name: "Save the pipeline" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Some fields need attention");
    expect(within(added).getByLabelText(/^Key of Step 9/)).toHaveAttribute("aria-invalid", "true");
    expect(added).toHaveTextContent("Name at least one who may take this step.");
    expect(api.callsTo("PUT", PIPELINE)).toHaveLength(0);

    await user.click(within(added).getByRole("button", { name: /^Remove Step 9/ }));
    await user.click(within(table("Stages")).getByRole("button", { name: /^Remove Stage 9/ }));
    await user.click(screen.getByRole("button", { name: "Save the pipeline" }));
    await waitFor(() => expect(api.callsTo("PUT", PIPELINE)).toHaveLength(1));
  });
});
