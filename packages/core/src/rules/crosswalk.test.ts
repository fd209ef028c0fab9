import { describe, expect, it } from "vitest";
import { modelAct, modelCode, modelCrosswalks, modelStandard } from "../../test/rules-fixture.js";
import { buildCrosswalkGraph, composeRelations, inferFrom, inverseRelation } from "./crosswalk.js";
import { compileRules } from "./engine.js";
import { complyOnce, coverageMatrix, gapAnalysis } from "./gap.js";
import { RELATIONS, type SystemProfile } from "./types.js";

const instruments = [modelAct(), modelCode(), modelStandard()];
const graph = buildCrosswalkGraph(modelCrosswalks(), instruments);

describe("relation algebra", () => {
  it("inverts subset and superset and keeps the others", () => {
    expect(RELATIONS.map(inverseRelation)).toEqual(["equal", "superset-of", "subset-of", "intersects-with"]);
  });
  it("keeps the weakest relation along a path", () => {
    expect(composeRelations("equal", "subset-of")).toBe("subset-of");
    expect(composeRelations("subset-of", "subset-of")).toBe("subset-of");
    expect(composeRelations("superset-of", "equal")).toBe("superset-of");
    expect(composeRelations("subset-of", "superset-of")).toBe("intersects-with");
    expect(composeRelations("equal", "intersects-with")).toBe("intersects-with");
  });
});

describe("crosswalk inference", () => {
  it("infers across two hops with the minimum strength and the path", () => {
    const from = inferFrom(graph, "test-model-act:art-2-1");
    expect(from.get("test-model-code:c-1")).toMatchObject({ relation: "subset-of", strength: 8, hops: 1 });
    expect(from.get("test-model-standard:s-6")).toMatchObject({
      relation: "subset-of",
      strength: 7,
      hops: 2,
      path: ["test-model-code:c-1", "test-model-standard:s-6"],
    });
  });
  it("reads mappings backwards with the inverse relation", () => {
    expect(inferFrom(graph, "test-model-standard:s-8").get("test-model-act:art-2-2")).toMatchObject({
      relation: "subset-of",
      hops: 2,
    });
  });
  it("respects the hop limit and sets aside mappings to unknown requirements", () => {
    expect(inferFrom(graph, "test-model-act:art-2-1", 1).has("test-model-standard:s-6")).toBe(false);
    const broken = buildCrosswalkGraph(
      [
        {
          ...modelCrosswalks()[0]!,
          mappings: [{ source: "art-99", target: "c-1", relation: "equal", strength: 5, rationale: "x" }],
        },
      ],
      instruments,
    );
    expect(broken.dangling).toEqual([
      { crosswalkId: "test-model-act--test-model-code", index: 0, key: "test-model-act:art-99" },
    ]);
    expect(broken.edges.size).toBe(0);
  });
});

describe("gap analysis", () => {
  it("says what complying with the code covers of the act", () => {
    const gap = gapAnalysis(graph, modelCode(), modelAct());
    const byId = Object.fromEntries(gap.items.map((i) => [i.requirementId, i]));
    expect(byId["art-2-1"]?.coverage).toBe("full"); // the code's c-1 is a superset of it
    expect(byId["art-2-2"]?.coverage).toBe("full");
    expect(byId["art-3"]?.coverage).toBe("partial");
    expect(byId["art-5"]?.coverage).toBe("none");
    expect(byId["art-2"]).toMatchObject({ coverage: "full", derived: "from-children" });
    expect(gap.summary).toMatchObject({ total: 8, none: 4 });
  });
  it("is asymmetric: the act covers the code's oversight fully but its risk work only partly", () => {
    const gap = gapAnalysis(graph, modelAct(), modelCode());
    expect(gap.items.map((i) => [i.requirementId, i.coverage])).toEqual([
      ["c-1", "partial"],
      ["c-2", "full"],
      ["c-3", "partial"],
    ]);
  });
  it("builds the coverage matrix of every ordered pair", () => {
    const cells = coverageMatrix(graph, instruments);
    expect(cells).toHaveLength(6);
    expect(cells.find((c) => c.covering === "test-model-code" && c.target === "test-model-standard")).toMatchObject({
      full: 2,
      total: 2,
    });
  });
});

describe("comply once", () => {
  it("merges obligations that crosswalks equate and keeps unrelated ones apart", () => {
    const profile: SystemProfile = {
      profileVersion: "1",
      roles: ["deployer"],
      places: { used: ["XA"] },
      purposes: ["employment"],
      functions: [],
      interactsWithPeople: false,
      derogation: { preparatoryTask: false },
      gpai: { trainingComputeFlop: 0 },
    };
    const evaluation = compileRules(instruments).evaluate(profile, { asOf: "2026-11-26" });
    const items = complyOnce(graph, evaluation);
    const oversight = items.find((i) => [i.anchor, ...i.satisfies].some((e) => e.requirementId === "art-2-2"))!;
    expect(oversight.jurisdictions).toEqual(["INT", "XA"]);
    expect([oversight.anchor, ...oversight.satisfies].map((e) => e.requirementId).sort()).toEqual([
      "art-2-2",
      "c-2",
      "s-8",
    ]);
    // The binding obligation leads, and doing it fully satisfies the others.
    expect(oversight.anchor.requirementId).toBe("art-2-2");
    expect(oversight.satisfies.map((s) => s.coverage)).toEqual(["full", "full"]);
    // Every applicable obligation appears exactly once.
    const listed = items.flatMap((i) => [i.anchor, ...i.satisfies].map((e) => `${e.instrumentId}:${e.requirementId}`));
    expect(new Set(listed).size).toBe(listed.length);
  });
});
