import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileRules } from "./engine.js";
import type { Instrument, Requirement, SystemProfile } from "./types.js";

function findRequirement(reqs: readonly Requirement[], id: string): Requirement | undefined {
  for (const r of reqs) {
    if (r.id === id) return r;
    const found = r.children && findRequirement(r.children, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * The worked cases of data/scenarios: each a profile and what the law says about it, naming the
 * provision it rests on. The engine, with the instruments of data/frameworks, must agree.
 */
interface Expectation {
  instrument: string;
  requirement?: string;
  /** "state-duty": the requirement binds states, so it is never an obligation of the system. */
  status?: "applies" | "may-apply" | "does-not-apply" | "state-duty";
  category?: string;
  appliesFrom?: string;
}
interface Scenario {
  id: string;
  title: string;
  basis: string;
  asOf: string;
  profile: SystemProfile;
  expect: Expectation[];
}

const data = new URL("../../../../data/", import.meta.url);
const read = <T>(folder: string) =>
  readdirSync(new URL(folder, data))
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ file: f, json: JSON.parse(readFileSync(new URL(`${folder}${f}`, data), "utf8")) as T }));

const instruments = read<Instrument>("frameworks/").map((x) => x.json);
const rules = compileRules(instruments);
const files = read<{ area: string; scenarios: Scenario[] }>("scenarios/");

describe("scenario files", () => {
  it("hold at least 40 cases across at least eight jurisdictions, each citing its basis", () => {
    const all = files.flatMap((f) => f.json.scenarios);
    const ids = all.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.length).toBeGreaterThanOrEqual(40);
    const byId = new Map(instruments.map((i) => [i.id, i.jurisdiction]));
    const jurisdictions = new Set(all.flatMap((s) => s.expect.map((e) => byId.get(e.instrument))));
    expect(jurisdictions.size).toBeGreaterThanOrEqual(8);
    for (const s of all) expect(s.basis.trim(), s.id).not.toBe("");
  });
});

for (const { file, json } of files) {
  describe(`data/scenarios/${file}`, () => {
    for (const s of json.scenarios) {
      it(`${s.id}: ${s.title} (${s.basis})`, () => {
        const evaluation = rules.evaluate(s.profile, { asOf: s.asOf, includeNotApplicable: true });
        const results = evaluation.jurisdictions.flatMap((j) => j.instruments);
        for (const e of s.expect) {
          const inst = results.find((r) => r.instrumentId === e.instrument);
          expect(inst, `instrument ${e.instrument}`).toBeDefined();
          if (!inst) continue;
          const where = `${e.instrument}${e.requirement ? `:${e.requirement}` : ""}`;
          if (e.requirement && e.status === "state-duty") {
            const node = findRequirement(instruments.find((i) => i.id === e.instrument)!.requirements, e.requirement);
            expect(node?.addressees, `${where} is addressed to states only`).toEqual(["state"]);
            expect(inst.obligations.some((o) => o.requirementId === e.requirement)).toBe(false);
          } else if (e.requirement) {
            const o = inst.obligations.find((x) => x.requirementId === e.requirement);
            expect(o, `${where} is an obligation of ${e.instrument}`).toBeDefined();
            if (e.status) expect(o?.status, `${where} status (trace: ${JSON.stringify(o?.trace)})`).toBe(e.status);
            if (e.appliesFrom) expect(o?.appliesFrom, `${where} appliesFrom`).toBe(e.appliesFrom);
          } else {
            if (e.status) expect(inst.status, `${where} status`).toBe(e.status);
            if (e.category) expect(inst.category?.id, `${where} category`).toBe(e.category);
          }
        }
      });
    }
  });
}
