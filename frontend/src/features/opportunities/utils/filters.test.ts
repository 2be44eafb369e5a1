import { describe, expect, it } from "vitest";

import {
  filtersFromCriteria,
  filtersToQuery,
  mapPathFor,
  mapStateToParams,
  parseMapState,
  toggle,
  type MapState,
} from "@/features/opportunities/utils/filters";

const parse = (search: string) => parseMapState(new URLSearchParams(search));

describe("reading the map's state from the address", () => {
  it("gives the defaults for an empty address: no filter, the opportunities layer, nothing selected", () => {
    expect(parse("")).toEqual({
      q: "",
      priorities: [],
      kinds: [],
      regions: [],
      layers: ["opportunities"],
      indicator: null,
      selected: null,
    });
  });

  it("reads repeated and comma-separated values, in the vocabulary's order, once each", () => {
    const state = parse(
      "q=+cotton+yarn+&priority=creativity&priority=circular_economy,creativity&kind=tender&region=pt11&region=ITI1",
    );
    expect(state.q).toBe("cotton yarn");
    expect(state.priorities).toEqual(["circular_economy", "creativity"]);
    expect(state.kinds).toEqual(["tender"]);
    expect(state.regions).toEqual(["ITI1", "PT11"]);
  });

  it("drops values the API does not know instead of sending them", () => {
    const state = parse("priority=sustainability&kind=party&region=Norte&region=XX1&indicator=DROP%20TABLE&layers=ships");
    expect(state.priorities).toEqual([]);
    expect(state.kinds).toEqual([]);
    expect(state.regions).toEqual([]);
    expect(state.indicator).toBeNull();
    expect(state.layers).toEqual([]);
  });

  it("tells an empty layers parameter (every layer off) from a missing one (the default)", () => {
    expect(parse("layers=").layers).toEqual([]);
    expect(parse("layers=organisations,opportunities").layers).toEqual(["opportunities", "organisations"]);
  });

  it("reads the indicator and the selection", () => {
    const state = parse("indicator=textile_employees&selected=7d9c2a10-0000-4000-8000-000000000001");
    expect(state.indicator).toBe("textile_employees");
    expect(state.selected).toBe("7d9c2a10-0000-4000-8000-000000000001");
  });
});

describe("writing the map's state to the address", () => {
  const state: MapState = {
    q: "recycled cotton",
    priorities: ["creativity", "circular_economy"],
    kinds: ["business_cooperation"],
    regions: ["PT11"],
    layers: ["organisations", "opportunities"],
    indicator: "textile_employees",
    selected: "abc",
  };

  it("leaves defaults out and writes values in a stable order", () => {
    expect(mapStateToParams(state).toString()).toBe(
      "q=recycled+cotton&priority=circular_economy&priority=creativity&kind=business_cooperation&region=PT11" +
        "&layers=opportunities%2Corganisations&indicator=textile_employees&selected=abc",
    );
    expect(mapStateToParams(parse("")).toString()).toBe("");
  });

  it("writes every layer off as an empty parameter", () => {
    expect(mapStateToParams({ ...parse(""), layers: [] }).toString()).toBe("layers=");
  });

  it("reads back what it wrote", () => {
    expect(parseMapState(mapStateToParams(state))).toEqual({
      ...state,
      priorities: ["circular_economy", "creativity"],
      layers: ["opportunities", "organisations"],
    });
  });
});

describe("filters for the API and for saved searches", () => {
  it("sends only the filters that are set", () => {
    expect(filtersToQuery({ q: " ", priorities: [], kinds: [], regions: [] })).toEqual({});
    expect(filtersToQuery({ q: "yarn", priorities: ["circular_economy"], kinds: [], regions: ["PT11"] })).toEqual({
      q: "yarn",
      priority: ["circular_economy"],
      region: ["PT11"],
    });
  });

  it("reads a saved search's criteria back into filters and a map address", () => {
    const filters = filtersFromCriteria({ priority: ["circular_economy"], region: ["PT11"], status: ["open"], q: 3 });
    expect(filters).toEqual({ q: "", priorities: ["circular_economy"], kinds: [], regions: ["PT11"] });
    expect(mapPathFor(filters)).toBe("/map?priority=circular_economy&region=PT11");
    expect(mapPathFor(filtersFromCriteria({}))).toBe("/map");
  });

  it("toggles a value in and out of a list", () => {
    expect(toggle(["PT11"], "ITI1")).toEqual(["PT11", "ITI1"]);
    expect(toggle(["PT11", "ITI1"], "PT11")).toEqual(["ITI1"]);
  });
});
