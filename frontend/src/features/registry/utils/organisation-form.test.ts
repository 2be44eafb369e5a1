import { describe, expect, it } from "vitest";

import {
  fieldProblems,
  formValues,
  organisationChanges,
  splitCodes,
  type EditableOrganisation,
} from "@/features/registry/utils/organisation-form";

const RECORD: EditableOrganisation = {
  name: "Lanificio Demo Prato",
  kind: "company",
  vat_number: "IT01234567890",
  city: "Prato",
  website: null,
  size_class: "small",
  nace_codes: ["C13.10", "C13.20"],
  value_chain: ["yarn", "fabric"],
  priorities: ["circular_economy"],
  capabilities: ["carded wool", "regenerated wool, post-consumer"],
  certifications: ["GRS"],
  description: null,
  visibility: "public",
};

describe("the profile edit form", () => {
  it("sends nothing when nothing changed", () => {
    expect(organisationChanges(RECORD, formValues(RECORD))).toEqual({});
  });

  it("sends only the changed fields; an emptied optional field clears it", () => {
    const values = {
      ...formValues(RECORD),
      city: "  ",
      website: "https://lanificio.example.com",
      nace_codes: "c13.10; C14.13",
      value_chain: ["recycling", "yarn", "fabric"],
      capabilities: "carded wool\nregenerated wool, post-consumer\n",
    };
    expect(organisationChanges(RECORD, values)).toEqual({
      city: null,
      website: "https://lanificio.example.com",
      nace_codes: ["C13.10", "C14.13"],
      value_chain: ["yarn", "fabric", "recycling"],
    });
  });

  it("splits codes on commas, semicolons and spaces", () => {
    expect(splitCodes(" c13.20,C14  C15;; c13.20")).toEqual(["C13.20", "C14", "C15"]);
  });

  it("puts a 422's field problems next to the form's fields, items of a list under the list", () => {
    expect(
      fieldProblems([
        { field: "body.nace_codes.1", message: "String should match pattern" },
        { field: "body.website", message: "must be an http(s) URL" },
        { field: "body.lon", message: "not in the form" },
      ]),
    ).toEqual({ nace_codes: "String should match pattern", website: "must be an http(s) URL" });
  });
});
