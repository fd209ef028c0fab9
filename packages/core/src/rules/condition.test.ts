import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCondition, explainCondition, FALSE, TRUE, UNKNOWN } from "./condition.js";
import { placeWithin } from "./jurisdictions.js";
import type { Condition } from "./types.js";

describe("three-valued conditions", () => {
  const p = { functions: ["profiling"], interactsWithPeople: false, gpai: { trainingComputeFlop: 1e24 } };
  const cases: [Condition, number][] = [
    [{ fact: "functions", includes: "profiling" }, TRUE],
    [{ fact: "functions", includesAny: ["chatbot", "social-scoring"] }, FALSE],
    [{ fact: "purposes", includes: "employment" }, UNKNOWN],
    [{ fact: "gpai.trainingComputeFlop", gte: 1e25 }, FALSE],
    [{ fact: "gpai.trainingComputeFlop", lt: 1e25 }, TRUE],
    [{ fact: "gpai.users", gt: 5 }, UNKNOWN],
    [
      {
        all: [
          { fact: "functions", includes: "profiling" },
          { fact: "purposes", includes: "employment" },
        ],
      },
      UNKNOWN,
    ],
    [
      {
        all: [
          { fact: "interactsWithPeople", is: true },
          { fact: "purposes", includes: "employment" },
        ],
      },
      FALSE,
    ],
    [
      {
        any: [
          { fact: "interactsWithPeople", is: false },
          { fact: "purposes", includes: "x" },
        ],
      },
      TRUE,
    ],
    [{ not: { fact: "purposes", includes: "employment" } }, UNKNOWN],
    [{ not: { fact: "interactsWithPeople", is: true } }, TRUE],
  ];
  it.each(cases)("%j evaluates to %i, and the explanation agrees", (c, expected) => {
    expect(compileCondition(c)(p)).toBe(expected);
    expect(explainCondition(c, p).value).toBe(expected);
  });

  it("explains a false 'all' by its false parts only", () => {
    const c: Condition = {
      all: [
        { fact: "functions", includes: "profiling" },
        { fact: "interactsWithPeople", is: true },
      ],
    };
    expect(explainCondition(c, p).trace).toEqual([
      { fact: "interactsWithPeople", test: "is true", value: false, result: "false" },
    ]);
  });

  it("places sub-national codes and EU member states within their jurisdictions", () => {
    expect(placeWithin("US-NY-NYC", "US-NY")).toBe(true);
    expect(placeWithin("US-NY-NYC", "US")).toBe(true);
    expect(placeWithin("US-NY", "US-NY-NYC")).toBe(false);
    expect(placeWithin("USA", "US")).toBe(false);
    expect(placeWithin("DE", "EU")).toBe(true);
    expect(placeWithin("CH", "EU")).toBe(false);
    expect(placeWithin("CN", "INT")).toBe(true);
  });

  // Knowing more never turns a definite answer around (Kleene logic is monotone).
  const facts = ["interactsWithPeople", "publicFacing", "consequentialDecision"] as const;
  const leaf = fc.constantFrom(...facts).chain((fact) => fc.boolean().map((is): Condition => ({ fact, is })));
  const condition = fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: "small" },
      leaf,
      fc.array(tie("c"), { minLength: 1, maxLength: 3 }).map((all): Condition => ({ all })),
      fc.array(tie("c"), { minLength: 1, maxLength: 3 }).map((any): Condition => ({ any })),
      tie("c").map((not): Condition => ({ not })),
    ),
  })).c;
  const full = fc.record({
    interactsWithPeople: fc.boolean(),
    publicFacing: fc.boolean(),
    consequentialDecision: fc.boolean(),
  });
  it("is monotone: a definite result on partial facts stays the same with all facts", () => {
    fc.assert(
      fc.property(condition, full, fc.subarray([...facts]), (c, profile, hidden) => {
        const partial: Record<string, unknown> = { ...profile };
        for (const f of hidden) delete partial[f];
        const f = compileCondition(c);
        const before = f(partial);
        if (before !== UNKNOWN) expect(f(profile)).toBe(before);
        expect(f(profile)).not.toBe(UNKNOWN);
      }),
    );
  });
});
