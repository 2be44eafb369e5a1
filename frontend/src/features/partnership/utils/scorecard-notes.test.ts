import { describe, expect, it } from "vitest";

import type { Scorecard, ScorecardValue } from "@/features/partnership/api/get-scorecard";
import { scorecardNotes } from "@/features/partnership/utils/scorecard-notes";

const PRATO: ScorecardValue = {
  value: "41251",
  unit: "persons",
  year: 2021,
  scope: "Prato textile district; 2021 survey",
  quality: "secondary",
  source: "Confindustria Toscana Nord",
  source_url: null,
};
const platform = { organisations: 0, opportunities_open: 0, interests: 0, cluster_members: 0, escp_state: null };

const scorecard: Scorecard = {
  regions: [
    { code: "FRE1", name: "Nord-Pas-de-Calais", country_code: "FR", platform },
    { code: "ITI1", name: "Toscana", country_code: "IT", platform },
  ],
  indicators: [
    {
      code: "textile_employees",
      label: "Employees",
      values: {
        FRE1: { ...PRATO, value: "11680", year: 2018, scope: "NUTS-1 Hauts-de-France", quality: "official", source: "Insee" },
        ITI1: PRATO,
      },
      units_differ: false,
      scopes_differ: true,
    },
    {
      code: "textile_local_units",
      label: "Local units",
      values: { FRE1: null, ITI1: { ...PRATO, value: "6627", unit: "local units" } },
      units_differ: false,
      scopes_differ: false,
    },
  ],
};

describe("scorecardNotes", () => {
  it("numbers the notes in reading order and shares a note between values of the same scope, year and source", () => {
    const { notes, numberOf } = scorecardNotes(scorecard);
    expect(notes.map((note) => [note.number, note.scope, note.quality])).toEqual([
      [1, "NUTS-1 Hauts-de-France", "official"],
      [2, "Prato textile district; 2021 survey", "secondary"],
    ]);
    expect(numberOf("textile_employees", "FRE1")).toBe(1);
    expect(numberOf("textile_employees", "ITI1")).toBe(2);
    expect(numberOf("textile_local_units", "ITI1")).toBe(2);
    expect(numberOf("textile_local_units", "FRE1")).toBeUndefined();
  });
});
