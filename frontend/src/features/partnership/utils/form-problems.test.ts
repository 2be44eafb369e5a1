import { describe, expect, it } from "vitest";

import { apiFieldErrors, mergeFieldErrors } from "@/features/partnership/utils/form-problems";
import { ApiProblem } from "@/lib/problem";

describe("apiFieldErrors", () => {
  it("keys problems by the body field, a list item by its list", () => {
    const error = new ApiProblem({
      type: "urn:x",
      title: "Invalid input",
      status: 422,
      errors: [
        { field: "body.value", message: "Input should be a valid decimal", code: "decimal_parsing" },
        { field: "body.nace_codes.1", message: "String should match pattern", code: "string_pattern_mismatch" },
        { field: "body.nace_codes.2", message: "second problem", code: "x" },
        { field: "year", message: "too early", code: "x" },
      ],
    });
    expect(apiFieldErrors(error)).toEqual({
      value: "Input should be a valid decimal",
      nace_codes: "String should match pattern",
      year: "too early",
    });
  });

  it("has nothing for an error that is not a problem, and lets the form's own checks win", () => {
    expect(apiFieldErrors(new Error("boom"))).toEqual({});
    expect(mergeFieldErrors({ code: "Required." }, { code: "pattern", unit: "too long" })).toEqual({
      code: "Required.",
      unit: "too long",
    });
  });
});
