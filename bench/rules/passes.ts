/**
 * The three-valued pass of CompiledRules.evaluate replayed over the compiled instruments
 * (rules.instruments): the compiled conditions of every node, as evaluateInstrument runs them, with
 * no result objects and no traces. Timed as the floor under `evaluate` (where its time goes), and
 * used by the agreement check for the value of every node, not only of the reported obligations.
 */
import {
  type CompiledRules,
  FALSE,
  type SystemProfile,
  TRUE,
  type Tri,
  UNKNOWN,
} from "../../packages/core/src/index.js";

const and = (a: Tri, b: Tri): Tri =>
  a === FALSE || b === FALSE ? FALSE : a === UNKNOWN || b === UNKNOWN ? UNKNOWN : TRUE;

/** Every node's value, per instrument (the same order as rules.instruments and their nodes). */
export function conditionPass(rules: CompiledRules, profile: SystemProfile, asOf: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const ci of rules.instruments) {
    // As evaluateInstrument: an instrument repealed on or before asOf is out of scope.
    const repealed = ci.instrument.dates.repealed !== undefined && ci.instrument.dates.repealed <= asOf;
    const scope: Tri = repealed ? FALSE : ci.scope ? ci.scope(profile) : TRUE;
    const values = new Uint8Array(ci.nodes.length);
    for (let i = 0; i < ci.nodes.length; i++) {
      const node = ci.nodes[i]!;
      const inherited = node.parent < 0 ? scope : (values[node.parent] as Tri);
      values[i] = inherited === FALSE ? FALSE : node.own ? and(inherited, node.own(profile)) : inherited;
    }
    out.push(values);
  }
  return out;
}

/** Requirement key → value of every node, from the pass. */
export function nodeValues(rules: CompiledRules, profile: SystemProfile, asOf: string): Map<string, Tri> {
  const values = conditionPass(rules, profile, asOf);
  const out = new Map<string, Tri>();
  rules.instruments.forEach((ci, k) => {
    ci.nodes.forEach((node, i) => {
      out.set(`${ci.instrument.id}:${node.requirement.id}`, values[k]![i] as Tri);
    });
  });
  return out;
}
