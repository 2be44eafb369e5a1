import { describe, expect, it } from "vitest";

import {
  filtersFromParams,
  hasFilters,
  searchQuery,
  toggleFacetValue,
  withoutFilters,
  withSearchText,
} from "@/features/registry/utils/search-params";

describe("the search in the address", () => {
  it("reads repeated parameters as the values of a facet, dropping blanks and repeats", () => {
    const filters = filtersFromParams(new URLSearchParams("q=+wool+&region=ITI1&region=PT11&region=ITI1&kind="));
    expect(filters.q).toBe("wool");
    expect(filters.region).toEqual(["ITI1", "PT11"]);
    expect(filters.kind).toEqual([]);
    expect(hasFilters(filters)).toBe(true);
  });

  it("adds and removes a facet value, keeping the other parameters", () => {
    const once = toggleFacetValue(new URLSearchParams("q=wool&kind=company"), "region", "ITI1");
    expect(once.toString()).toBe("q=wool&kind=company&region=ITI1");
    const twice = toggleFacetValue(once, "region", "PT11");
    expect(twice.getAll("region")).toEqual(["ITI1", "PT11"]);
    expect(toggleFacetValue(twice, "region", "ITI1").getAll("region")).toEqual(["PT11"]);
  });

  it("sets or clears the words, and clears the filters but not the words", () => {
    expect(withSearchText(new URLSearchParams("region=ITI1"), "  lana ").toString()).toBe("region=ITI1&q=lana");
    expect(withSearchText(new URLSearchParams("q=lana"), " ").toString()).toBe("");
    expect(withoutFilters(new URLSearchParams("q=lana&region=ITI1&nace=C13&value_chain=yarn")).toString()).toBe(
      "q=lana",
    );
  });

  it("makes the API query without empty filters, values sorted so equal searches share a cache entry", () => {
    const query = searchQuery(filtersFromParams(new URLSearchParams("region=PT11&region=ITI1&cluster_id=abc")));
    expect(query).toEqual({ region: ["ITI1", "PT11"], cluster_id: ["abc"] });
    expect(searchQuery(filtersFromParams(new URLSearchParams("")))).toEqual({});
  });
});
