import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { EVALUATION_IDS, EVALUATOR_PROFILE } from "@/testing/data";
import { createFakeApi, json, problem } from "@/testing/fake-api";
import { renderApp } from "@/testing/render-app";

const PROFILE = "/api/proposals/evaluators/me";

describe("the evaluator profile", () => {
  it("starts from the saved profile and saves the changes with PUT", async () => {
    const { api, user } = renderApp("/evaluation/profile");
    const form = await screen.findByRole("form", { name: "Evaluator profile" });
    expect(within(form).getByLabelText("Name")).toHaveValue("Giulia Demo");
    expect(within(form).getByText("Lanificio Valutazioni (demo)")).toBeInTheDocument();
    const expertise = within(form).getByRole("group", { name: "Expertise" });
    expect(within(expertise).getByRole("checkbox", { name: "Circular economy" })).toBeChecked();
    const languages = within(form).getByRole("group", { name: "Languages" });
    expect(within(languages).getByRole("checkbox", { name: "Italian" })).toBeChecked();
    expect(within(form).getByLabelText("Maximum load")).toHaveValue(5);

    await user.click(within(expertise).getByRole("checkbox", { name: "Advanced materials" }));
    await user.click(within(languages).getByRole("checkbox", { name: "Portuguese" }));
    await user.clear(within(form).getByLabelText("Maximum load"));
    await user.type(within(form).getByLabelText("Maximum load"), "3");
    await user.click(within(form).getByRole("button", { name: "Save the profile" }));

    expect(await screen.findByText("Your profile is saved.")).toHaveAttribute("role", "status");
    expect(api.callsTo("PUT", PROFILE)[0]?.body).toEqual({
      name: "Giulia Demo",
      organisation_id: EVALUATION_IDS.organisation,
      region_code: "ITC1",
      expertise: ["circular_economy", "advanced_materials"],
      languages: ["en", "it", "pt"],
      max_load: 3,
    });
  });

  it("lets a new evaluator find their organisation by name and join the pool", async () => {
    const api = createFakeApi();
    api.on(`GET ${PROFILE}`, () => problem(404, "Not found", "You have not registered as an evaluator yet."));
    api.on(`PUT ${PROFILE}`, (call) => json({ ...EVALUATOR_PROFILE, ...(call.body as object) }, 201));
    const { user } = renderApp("/evaluation/profile", api);
    const form = await screen.findByRole("form", { name: "Evaluator profile" });
    expect(within(form).getByLabelText("Name")).toHaveValue("");

    await user.type(within(form).getByRole("searchbox", { name: "Organisation" }), "filat");
    const results = await within(form).findByRole("list", { name: "Organisations found" });
    expect(within(form).getByText("1 organisation found")).toHaveAttribute("role", "status");
    await user.click(within(results).getByRole("button", { name: "Filatura Toscana (demo) · ITI1" }));
    expect(within(form).getByText("Filatura Toscana (demo)")).toBeInTheDocument();
    expect(within(form).getByRole("button", { name: "Change the organisation" })).toBeInTheDocument();
    await waitFor(() =>
      expect(api.callsTo("GET", "/api/proposals/organisations").at(-1)?.search).toContain("q=filat"),
    );

    await user.click(within(form).getByRole("button", { name: "Save the profile" }));
    expect(await screen.findByText("Welcome to the evaluator pool: your profile is saved.")).toBeInTheDocument();
    expect(api.callsTo("PUT", PROFILE)[0]?.body).toEqual({
      organisation_id: EVALUATION_IDS.leadOrganisation,
      region_code: null,
      expertise: [],
      languages: [],
      max_load: null,
    });
  });

  it("checks the maximum load before sending", async () => {
    const { api, user } = renderApp("/evaluation/profile");
    const form = await screen.findByRole("form", { name: "Evaluator profile" });
    const load = within(form).getByLabelText("Maximum load");
    await user.clear(load);
    await user.type(load, "0");
    await user.click(within(form).getByRole("button", { name: "Save the profile" }));
    expect(within(form).getByText("Give a whole number from 1 to 100, or leave it empty.")).toBeInTheDocument();
    expect(load).toHaveAttribute("aria-invalid", "true");
    expect(api.callsTo("PUT", PROFILE)).toHaveLength(0);
  });

  it("shows the API's field problems at the fields and its detail in an alert", async () => {
    const api = createFakeApi();
    api.on(`PUT ${PROFILE}`, () =>
      problem(422, "Invalid input", "There is no organisation with this id.", {
        errors: [{ field: "body.organisation_id", message: "unknown organisation", code: "unknown" }],
      }),
    );
    const { user } = renderApp("/evaluation/profile", api);
    const form = await screen.findByRole("form", { name: "Evaluator profile" });
    await user.click(within(form).getByRole("button", { name: "Save the profile" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("There is no organisation with this id.");
    expect(within(form).getByText("unknown organisation")).toBeInTheDocument();
  });
});
