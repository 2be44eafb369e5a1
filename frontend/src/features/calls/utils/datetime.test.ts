import { describe, expect, it } from "vitest";

import { fromLocalInput, toLocalInput } from "@/features/calls/utils/datetime";

describe("datetime-local values", () => {
  it("go to the API as instants and come back unchanged", () => {
    const instant = fromLocalInput("2027-01-31T17:30");
    expect(instant).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
    expect(toLocalInput(instant)).toBe("2027-01-31T17:30");
  });

  it("are empty for nothing and null for nonsense", () => {
    expect(toLocalInput(null)).toBe("");
    expect(toLocalInput("not a date")).toBe("");
    expect(fromLocalInput("  ")).toBeNull();
    expect(fromLocalInput("31/01/2027")).toBeNull();
  });
});
