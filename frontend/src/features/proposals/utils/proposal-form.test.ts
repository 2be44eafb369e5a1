import { describe, expect, it } from "vitest";

import {
  changedFields,
  fieldOfProblem,
  formValues,
  isFrozen,
  patchOf,
  rebase,
  validate,
} from "@/features/proposals/utils/proposal-form";
import { PROPOSAL_CALL, proposalDetail } from "@/testing/data";

const FIELDS = PROPOSAL_CALL.fields;

describe("the editor's values", () => {
  it("are what the inputs show: amounts grouped, booleans as true / false / not answered, numbers as text", () => {
    const values = formValues(proposalDetail({ answers: { jobs: 12, cofunded: false, fibre: "wool" } }), FIELDS, "en");
    expect(values).toMatchObject({
      title: "Regenerated wool for knitwear",
      acronym: "REWOOL",
      trl: "5",
      budget_eur: "250,000",
      requested_eur: "200,000",
      "answers.jobs": "12",
      "answers.cofunded": false,
      "answers.fibre": "wool",
      "answers.market": "",
      "answers.website": "",
    });
  });

  it("count as changed only when the stored value would change (reformatting and reordering are not changes)", () => {
    const base = formValues(proposalDetail(), FIELDS, "en");
    const same = { ...base, budget_eur: "250000", priorities: [...(base.priorities as string[])].reverse(), title: " Regenerated wool for knitwear " };
    expect(changedFields(base, same, FIELDS, "en")).toEqual([]);
    expect(changedFields(base, { ...base, budget_eur: "250001" }, FIELDS, "en")).toEqual(["budget_eur"]);
  });

  it("make a PATCH of the changed fields only, blanks as null and answers key by key", () => {
    const base = formValues(proposalDetail(), FIELDS, "en");
    const values = {
      ...base,
      acronym: "",
      trl: "",
      requested_eur: "199,999.99",
      "answers.fibre": "",
      "answers.jobs": "3",
      "answers.cofunded": true,
      "answers.market": "  Knitwear brands ",
    };
    expect(patchOf(base, values, FIELDS, "en")).toEqual({
      acronym: null,
      trl: null,
      requested_eur: "199999.99",
      answers: { market: "Knitwear brands", jobs: 3, fibre: null, cofunded: true },
    });
  });

  it("are checked as the API would check them", () => {
    const base = formValues(proposalDetail(), FIELDS, "en");
    expect(validate(base, FIELDS, "en")).toEqual({});
    const problems = validate(
      {
        ...base,
        title: " ",
        acronym: "A".repeat(31),
        requested_eur: "300,000",
        "answers.jobs": "many",
        "answers.website": "example.com",
        "answers.fibre": "silk",
      },
      FIELDS,
      "en",
    );
    expect(problems).toEqual({
      title: { key: "editor.problems.required" },
      acronym: { key: "editor.problems.tooLong", values: { max: 30 } },
      requested_eur: { key: "editor.problems.overBudget" },
      "answers.jobs": { key: "editor.problems.number" },
      "answers.website": { key: "editor.problems.url" },
      "answers.fibre": { key: "editor.problems.choice" },
    });
    expect(validate({ ...base, budget_eur: "1,2,3" }, FIELDS, "en").budget_eur).toEqual({
      key: "editor.problems.euros_format",
    });
  });

  it("rebase a person's edits on a newer version, naming what the other person changed and where both did", () => {
    const base = formValues(proposalDetail(), FIELDS, "en");
    const latest = { ...base, title: "Their title", summary: "Same new summary", acronym: "THEIRS" };
    const mine = { ...base, summary: "Same new summary", acronym: "MINE", trl: "6" };
    const merged = rebase(base, latest, mine, FIELDS, "en");
    expect(merged.theirs).toEqual(["title", "acronym", "summary"]);
    // both changed the summary to the same text: no conflict
    expect(merged.conflicts).toEqual(["acronym"]);
    expect(merged.values).toMatchObject({ title: "Their title", acronym: "MINE", trl: "6", summary: "Same new summary" });
  });

  it("know when an answer froze, and which field an API problem names", () => {
    const [field] = FIELDS.filter((candidate) => candidate.key === "intent");
    expect(isFrozen(field!, new Date("2026-01-14T23:59:59Z"))).toBe(false);
    expect(isFrozen(field!, new Date("2026-01-15T00:00:00Z"))).toBe(true);
    expect(fieldOfProblem("body.answers.market")).toBe("answers.market");
    expect(fieldOfProblem("body.requested_eur")).toBe("requested_eur");
  });
});
