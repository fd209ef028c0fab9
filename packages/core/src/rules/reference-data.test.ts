import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { factPaths, fullProfile, hide } from "../../test/profile-arbitrary.js";
import { compileRules, type Evaluation } from "./engine.js";
import { placeWithin } from "./jurisdictions.js";
import type { Instrument, Requirement } from "./types.js";

/**
 * Properties of the engine over the real instruments of data/frameworks. (Schema validation of
 * the files is in packages/contracts/src/rules.data.test.ts; worked cases in scenarios.test.ts.)
 */
const dir = new URL("../../../../data/frameworks/", import.meta.url);
const instruments: Instrument[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), "utf8")) as Instrument);
const rules = compileRules(instruments);
const asOf = "2026-11-26";

function statuses(e: Evaluation): Map<string, string> {
  const out = new Map<string, string>();
  for (const j of e.jurisdictions) {
    for (const i of j.instruments) {
      out.set(i.instrumentId, i.status);
      for (const o of i.obligations) out.set(`${i.instrumentId}:${o.requirementId}`, o.status);
    }
  }
  return out;
}

function walk(reqs: readonly Requirement[], visit: (r: Requirement) => void) {
  for (const r of reqs) {
    visit(r);
    if (r.children) walk(r.children, visit);
  }
}

describe("reference instruments", () => {
  it("every requirement has a citation, a summary and a review date", () => {
    expect(instruments.length).toBeGreaterThan(0);
    for (const i of instruments) {
      walk(i.requirements, (r) => {
        expect(r.ref.trim(), `${i.id}:${r.id}`).not.toBe("");
        expect(r.summary.trim(), `${i.id}:${r.id}`).not.toBe("");
        expect(r.lastReviewed ?? i.lastReviewed, `${i.id}:${r.id}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      });
    }
  });

  it("more facts never turn 'applies' into 'does not apply' (nor the reverse)", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fullProfile, fc.integer({ min: 0, max: 2 ** 31 }), (profile, seed) => {
        const paths = factPaths(profile);
        const hidden = paths.filter((_, k) => ((seed >>> (k % 31)) & 1) === 1);
        const known = statuses(rules.evaluate(profile, { asOf, includeNotApplicable: true }));
        const partial = statuses(rules.evaluate(hide(profile, hidden), { asOf, includeNotApplicable: true }));
        for (const [key, status] of partial) {
          if (status !== "may-apply") expect(known.get(key), key).toBe(status);
        }
        for (const status of known.values()) expect(status).not.toBe("may-apply");
      }),
      { numRuns: 100 },
    );
  });

  it("adding a jurisdiction never changes another jurisdiction's results", { timeout: 120_000 }, () => {
    const jurisdictions = [...new Set(instruments.map((i) => i.jurisdiction))];
    const withoutOne = new Map(
      jurisdictions.map((j) => [j, compileRules(instruments.filter((i) => i.jurisdiction !== j))]),
    );
    fc.assert(
      fc.property(fullProfile, fc.constantFrom(...jurisdictions), (profile, added) => {
        // Adding the instruments of one jurisdiction leaves the others' results as they were.
        const without = withoutOne.get(added)!;
        const before = statuses(without.evaluate(profile, { asOf, includeNotApplicable: true }));
        const after = statuses(rules.evaluate(profile, { asOf, includeNotApplicable: true }));
        for (const [key, status] of before) expect(after.get(key), key).toBe(status);
        // Adding a place in one jurisdiction leaves instruments of unrelated jurisdictions unchanged.
        if (added === "INT") return;
        const wider = structuredClone(profile);
        for (const list of Object.values(wider.places ?? {})) list.push(added === "EU" ? "DE" : added);
        const widened = statuses(rules.evaluate(wider, { asOf, includeNotApplicable: true }));
        const unrelated = instruments.filter(
          (i) =>
            i.jurisdiction !== "INT" &&
            !placeWithin(added === "EU" ? "DE" : added, i.jurisdiction) &&
            !placeWithin(i.jurisdiction, added),
        );
        for (const i of unrelated) {
          for (const [key, status] of after)
            if (key === i.id || key.startsWith(`${i.id}:`)) expect(widened.get(key), key).toBe(status);
        }
      }),
      { numRuns: 60 },
    );
  });
});
