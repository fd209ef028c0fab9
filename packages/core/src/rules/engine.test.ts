import { describe, expect, it } from "vitest";
import { modelAct, modelCode } from "../../test/rules-fixture.js";
import { compileRules, type Evaluation, type InstrumentResult } from "./engine.js";
import type { SystemProfile } from "./types.js";

const rules = compileRules([modelAct(), modelCode()]);
const asOf = "2026-11-26";

function result(e: Evaluation, id: string): InstrumentResult {
  const found = e.jurisdictions.flatMap((j) => j.instruments).find((i) => i.instrumentId === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
}
const obligation = (r: InstrumentResult, id: string) => r.obligations.find((o) => o.requirementId === id);

const employer: SystemProfile = {
  profileVersion: "1",
  roles: ["deployer"],
  places: { placedOnMarket: [], used: ["XA"] },
  purposes: ["employment"],
  functions: [],
  interactsWithPeople: false,
  derogation: { preparatoryTask: false },
  gpai: { trainingComputeFlop: 0 },
};

describe("obligation engine", () => {
  it("classifies and lists the obligations of the profile's role, with the facts behind them", () => {
    const act = result(rules.evaluate(employer, { asOf }), "test-model-act");
    expect(act.status).toBe("applies");
    expect(act.category?.id).toBe("high-risk");
    expect(act.possibleCategories).toEqual([]);
    const oversight = obligation(act, "art-2-2")!;
    expect(oversight.status).toBe("applies");
    expect(oversight.appliesFrom).toBe("2026-06-01");
    expect(oversight.inEffect).toBe(true);
    expect(oversight.trace.map((t) => `${t.fact} ${t.result}`)).toEqual([
      "purposes true",
      "derogation.preparatoryTask false",
      "roles true",
    ]);
    // The territorial scope is explained once, for the instrument.
    expect(act.scopeTrace.map((t) => `${t.fact} ${t.result}`)).toEqual(["places.used true"]);
    const quiet = result(rules.evaluate(employer, { asOf, traces: false }), "test-model-act");
    expect(quiet.obligations.map((o) => [o.requirementId, o.status, o.trace])).toEqual([["art-2-2", "applies", []]]);
    expect(quiet.scopeTrace).toEqual([]);
    // The provider's duty does not concern a deployer, and is not listed unless asked for.
    expect(obligation(act, "art-2-1")).toBeUndefined();
    expect(act.counts).toMatchObject({ applies: 1, stateDuties: 1 });
    const all = result(rules.evaluate(employer, { asOf, includeNotApplicable: true }), "test-model-act");
    expect(obligation(all, "art-2-1")?.status).toBe("does-not-apply");
  });

  it("reports dates not yet reached as applying later", () => {
    const act = result(rules.evaluate(employer, { asOf: "2026-01-01" }), "test-model-act");
    expect(obligation(act, "art-2-2")).toMatchObject({ status: "applies", inEffect: false, appliesFrom: "2026-06-01" });
  });

  it("gives 'may apply' for unknown facts, never a silent 'does not apply'", () => {
    const vague: SystemProfile = { profileVersion: "1", roles: ["provider"], places: { used: ["XA"] } };
    const act = result(rules.evaluate(vague, { asOf }), "test-model-act");
    expect(act.status).toBe("applies");
    expect(obligation(act, "art-1-1")?.status).toBe("may-apply");
    expect(obligation(act, "art-5")?.status).toBe("may-apply");
    expect(obligation(act, "art-1-1")?.trace).toEqual([
      { fact: "functions", test: "includes social-scoring", result: "unknown" },
    ]);
    expect(act.category?.id).toBe("minimal");
    expect(act.possibleCategories.map((c) => c.id)).toEqual(["prohibited", "high-risk"]);
  });

  it("takes the most severe category and honours exceptions", () => {
    const scoring: SystemProfile = { ...employer, roles: ["provider"], functions: ["social-scoring"] };
    expect(result(rules.evaluate(scoring, { asOf }), "test-model-act").category?.id).toBe("prohibited");
    const preparatory: SystemProfile = { ...employer, derogation: { preparatoryTask: true } };
    const act = result(rules.evaluate(preparatory, { asOf }), "test-model-act");
    expect(act.category?.id).toBe("minimal");
    expect(obligation(act, "art-2-2")).toBeUndefined();
  });

  it("puts a system out of territorial scope when no place is within the jurisdiction", () => {
    const elsewhere: SystemProfile = { ...employer, places: { placedOnMarket: ["XB"], used: ["XB"] } };
    const act = result(rules.evaluate(elsewhere, { asOf }), "test-model-act");
    expect(act.status).toBe("does-not-apply");
    expect(act.category).toBeNull();
    expect(act.obligations).toEqual([]);
    expect(act.scopeTrace.every((t) => t.result === "false")).toBe(true);
  });

  it("applies numeric thresholds and voluntary frameworks to any actor", () => {
    const big: SystemProfile = { ...employer, roles: ["provider"], gpai: { trainingComputeFlop: 3e25 } };
    const e = rules.evaluate(big, { asOf });
    expect(obligation(result(e, "test-model-act"), "art-5")?.status).toBe("applies");
    const code = result(e, "test-model-code");
    expect(code).toMatchObject({ binding: false, status: "applies", category: { id: "guidance" } });
    expect(code.obligations).toHaveLength(3);
    expect(code.obligations[0]?.appliesFrom).toBeNull();
  });

  it("filters by jurisdiction and groups results by it", () => {
    const e = rules.evaluate(employer, { asOf, jurisdictions: ["XA"] });
    expect(e.jurisdictions.map((j) => j.jurisdiction)).toEqual(["XA"]);
    expect(rules.evaluate(employer, { asOf }).jurisdictions.map((j) => j.jurisdiction)).toEqual(["INT", "XA"]);
  });
});
