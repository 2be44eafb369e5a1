import { describe, expect, it } from "vitest";

import { apiFieldProblems, profileBody, profileFormValues, profileProblems } from "@/features/evaluation/utils/profile-form";
import { ApiProblem } from "@/lib/problem";

describe("the evaluator profile form", () => {
  it("starts empty for a new evaluator and from the profile otherwise", () => {
    expect(profileFormValues(null)).toEqual({
      name: "",
      organisation: null,
      region_code: "",
      expertise: [],
      languages: [],
      max_load: "",
    });
    const values = profileFormValues({
      name: "Ana",
      organisation: { id: "o", name: "Org", region_code: "PT11" },
      region_code: "PT11",
      expertise: ["creativity"],
      languages: ["pt"],
      max_load: 4,
    });
    expect(values.max_load).toBe("4");
    expect(values.organisation?.name).toBe("Org");
  });

  it.each([
    ["", {}],
    ["1", {}],
    ["100", {}],
    ["0", { max_load: "maxLoad" }],
    ["101", { max_load: "maxLoad" }],
    ["2.5", { max_load: "maxLoad" }],
    ["many", { max_load: "maxLoad" }],
  ])("checks the maximum load %s", (maxLoad, expected) => {
    expect(profileProblems({ ...profileFormValues(null), max_load: maxLoad })).toEqual(expected);
  });

  it("sends the vocabularies in the API's order, null for no limit and for the organisation's region", () => {
    const body = profileBody({
      name: "  ",
      organisation: { id: "o1", name: "Org", region_code: "ITI1" },
      region_code: "",
      expertise: ["creativity", "circular_economy"],
      languages: ["sv", "en"],
      max_load: "",
    });
    expect(body).toEqual({
      organisation_id: "o1",
      region_code: null,
      expertise: ["circular_economy", "creativity"],
      languages: ["en", "sv"],
      max_load: null,
    });
    expect(profileBody({ ...profileFormValues(null), name: " Ana ", max_load: " 3 " })).toMatchObject({ name: "Ana", max_load: 3 });
  });

  it("reads the API's field problems by field", () => {
    const problem = new ApiProblem({
      type: "about:blank",
      title: "Invalid",
      status: 422,
      errors: [
        { field: "body.expertise.1", message: "not a priority", code: "literal_error" },
        { field: "body.organisation_id", message: "unknown organisation", code: "unknown" },
      ],
    });
    expect(apiFieldProblems(problem)).toEqual({ expertise: "not a priority", organisation_id: "unknown organisation" });
    expect(apiFieldProblems(new Error("x"))).toEqual({});
  });
});
