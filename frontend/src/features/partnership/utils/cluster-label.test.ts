import { describe, expect, it } from "vitest";

import { clusterLabel } from "@/features/partnership/utils/cluster-label";

describe("clusterLabel", () => {
  it("does not repeat an acronym the name already contains", () => {
    expect(clusterLabel({ acronym: "OTIR2020", name: "OTIR2020 – Tuscany Fashion Cluster" })).toBe(
      "OTIR2020 – Tuscany Fashion Cluster",
    );
    expect(clusterLabel({ acronym: "ATEVAL", name: "ATEVAL" })).toBe("ATEVAL");
  });

  it("leads with the acronym when the name does not contain it", () => {
    expect(clusterLabel({ acronym: "ASTRICO NE", name: "ASTRICO NORD-EST" })).toBe("ASTRICO NE – ASTRICO NORD-EST");
  });
});
