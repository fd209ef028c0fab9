import { describe, expect, it } from "vitest";
import type { CoverageMatrix } from "../obligationTypes";
import { bucketOf, bucketRanges, coverageGrid, percent, splitRequirementKey } from "./heatmap";

const matrix: CoverageMatrix = {
  maxHops: 3,
  instruments: [
    { id: "eu-ai-act", shortTitle: "EU AI Act", jurisdiction: "EU", requirementCount: 10 },
    { id: "iso-42001", shortTitle: "ISO/IEC 42001", jurisdiction: "INT", requirementCount: 4 },
    { id: "cn-genai", shortTitle: "Generative AI Measures", jurisdiction: "CN", requirementCount: 3 },
  ],
  cells: [
    { covering: "iso-42001", target: "eu-ai-act", full: 3, partial: 2, total: 10 },
    { covering: "eu-ai-act", target: "iso-42001", full: 4, partial: 0, total: 4 },
    { covering: "cn-genai", target: "eu-ai-act", full: 0, partial: 0, total: 10 },
    { covering: "iso-42001", target: "big", full: 1, partial: 0, total: 500 },
    { covering: "eu-ai-act", target: "cn-genai", full: 0, partial: 0, total: 3 },
    { covering: "iso-42001", target: "cn-genai", full: 0, partial: 0, total: 3 },
    { covering: "cn-genai", target: "iso-42001", full: 0, partial: 0, total: 4 },
  ],
};

describe("percent", () => {
  it("rounds down and reaches 100 only when everything is covered", () => {
    expect(percent(0, 10)).toBe(0);
    expect(percent(3, 10)).toBe(30);
    expect(percent(199, 200)).toBe(99);
    expect(percent(1, 3)).toBe(33);
    expect(percent(4, 4)).toBe(100);
    expect(percent(1, 0)).toBe(0);
  });
});

describe("buckets", () => {
  it("map percentages to the legend's ranges", () => {
    expect([0, 1, 24, 25, 50, 74, 75, 99, 100].map(bucketOf)).toEqual([0, 1, 1, 2, 3, 3, 4, 4, 5]);
    expect(bucketRanges()).toEqual([
      [0, 0],
      [1, 24],
      [25, 49],
      [50, 74],
      [75, 99],
      [100, 100],
    ]);
  });
});

describe("coverageGrid", () => {
  it("keeps instruments that cover or are covered, sorted by jurisdiction", () => {
    const grid = coverageGrid(matrix);
    expect(grid.rows.map((r) => r.id)).toEqual(["eu-ai-act", "iso-42001"]);
    expect(grid.columns.map((r) => r.id)).toEqual(["eu-ai-act", "iso-42001"]);
    expect(grid.cell("iso-42001", "eu-ai-act")).toMatchObject({ fullPct: 30, partialPct: 20, bucket: 2 });
    expect(grid.cell("eu-ai-act", "iso-42001")).toMatchObject({ fullPct: 100, bucket: 5 });
    expect(grid.cell("eu-ai-act", "eu-ai-act")).toBeNull();
    expect(grid.cell("iso-42001", "big")).toMatchObject({ fullPct: 0, bucket: 1 });
  });

  it("shows every instrument on request", () => {
    expect(coverageGrid(matrix, true).rows.map((r) => r.id)).toEqual(["cn-genai", "eu-ai-act", "iso-42001"]);
  });
});

describe("splitRequirementKey", () => {
  it("splits at the first colon", () => {
    expect(splitRequirementKey("eu-ai-act:art-26")).toEqual({ instrumentId: "eu-ai-act", requirementId: "art-26" });
    expect(splitRequirementKey("x")).toEqual({ instrumentId: "x", requirementId: "" });
  });
});
