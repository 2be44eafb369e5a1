import { describe, expect, it } from "vitest";

import { parseWeight, weightShares } from "@/features/calls/utils/weights";

describe("the rubric's weights", () => {
  it("are normalised to shares of the total, so 30/30/20/20 and 3/3/2/2 are the same rubric", () => {
    expect(weightShares(["30", "30", "20", "20"])).toEqual([0.3, 0.3, 0.2, 0.2]);
    expect(weightShares(["3", "3", "2", "2"])).toEqual([0.3, 0.3, 0.2, 0.2]);
  });

  it("give a weight that is not a positive number no share, and leave it out of the total", () => {
    expect(weightShares(["1", "", "abc", "0", "3"])).toEqual([0.25, null, null, null, 0.75]);
    expect(weightShares([""])).toEqual([null]);
  });

  it("read a decimal comma", () => {
    expect(parseWeight("12,5")).toBe(12.5);
    expect(parseWeight(" 0.3 ")).toBe(0.3);
    expect(parseWeight("-1")).toBeNull();
  });
});
