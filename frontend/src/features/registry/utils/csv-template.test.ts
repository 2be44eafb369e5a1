import { describe, expect, it } from "vitest";

import { csvField, csvTemplate, csvTemplateHref, IMPORT_COLUMNS } from "@/features/registry/utils/csv-template";

describe("the CSV template", () => {
  it("has the import's columns as its header and one example row of as many cells", () => {
    const [header, example, end] = csvTemplate().split("\r\n");
    expect(header).toBe(IMPORT_COLUMNS.join(","));
    expect(header?.startsWith("name,kind,vat_number,country_code,region_code")).toBe(true);
    expect(example?.split(",")).toHaveLength(IMPORT_COLUMNS.length);
    expect(example).toContain("C13.10|C13.20");
    expect(end).toBe("");
  });

  it("quotes fields with commas, quotes or line breaks", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it("downloads from a data address", () => {
    const href = csvTemplateHref();
    expect(href.startsWith("data:text/csv;charset=utf-8,")).toBe(true);
    expect(decodeURIComponent(href.split(",").slice(1).join(","))).toBe(csvTemplate());
  });
});
