import { describe, expect, it } from "vitest";

import {
  filtersFromParams,
  hasFilters,
  proposalQuery,
  toggleListValue,
  withoutFilters,
  withValue,
} from "@/features/proposals/utils/list-filters";

const CALL = "c0c0c0c0-0000-4000-8000-000000000001";

describe("the proposals list's filters in the address", () => {
  it("reads every filter, one parameter per value, and drops values the API would refuse", () => {
    const params = new URLSearchParams(
      `call=${CALL.toUpperCase()}&stage=draft&stage=Bad-Key&stage=draft&region=iti1&region=PT11&region=x` +
        "&priority=creativity&q=%20wool%20&mine=1&view=board",
    );
    expect(filtersFromParams(params)).toEqual({
      call: CALL,
      stage: ["draft"],
      region: ["ITI1", "PT11"],
      priority: "creativity",
      q: "wool",
      mine: true,
      view: "board",
    });
    expect(filtersFromParams(new URLSearchParams("call=not-a-uuid&priority=bogus&view=grid"))).toMatchObject({
      call: null,
      priority: null,
      view: "list",
      mine: false,
    });
  });

  it("toggles one value of a multi-value filter and keeps the others in place", () => {
    const params = new URLSearchParams("q=wool&region=ITI1");
    expect(toggleListValue(params, "region", "PT11").toString()).toBe("q=wool&region=ITI1&region=PT11");
    expect(toggleListValue(params, "region", "ITI1").toString()).toBe("q=wool");
  });

  it("sets and removes single values; a new call drops the stages chosen for the previous one", () => {
    const params = new URLSearchParams(`call=${CALL}&stage=draft&view=board`);
    expect(withValue(params, "mine", true).get("mine")).toBe("1");
    expect(withValue(new URLSearchParams("mine=1"), "mine", false).has("mine")).toBe(false);
    expect(withValue(params, "view", "list").has("view")).toBe(false);
    expect(withValue(params, "q", "  ").has("q")).toBe(false);
    expect(withValue(params, "call", null).toString()).toBe("view=board");
    expect(withValue(params, "priority", "creativity").getAll("stage")).toEqual(["draft"]);
  });

  it("clears the filters but keeps the view", () => {
    const params = new URLSearchParams(`call=${CALL}&stage=draft&region=ITI1&priority=creativity&q=x&mine=1&view=board`);
    expect(withoutFilters(params).toString()).toBe("view=board");
    expect(hasFilters(filtersFromParams(params))).toBe(true);
    expect(hasFilters(filtersFromParams(new URLSearchParams("view=board")))).toBe(false);
  });

  it("makes the API query: empty filters left out, lists sorted so equal views share a cache entry", () => {
    const filters = filtersFromParams(new URLSearchParams("region=PT11&region=ITI1&stage=submitted&stage=draft&mine=1"));
    expect(proposalQuery(filters)).toEqual({ region: ["ITI1", "PT11"], stage: ["draft", "submitted"], mine: true });
    expect(proposalQuery(filtersFromParams(new URLSearchParams()))).toEqual({});
  });
});
