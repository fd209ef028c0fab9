/**
 * The same rules in json-rules-engine (a generic, two-valued rules engine), for comparison.
 *
 * Every requirement of every instrument becomes one rule whose conditions are the requirement's
 * effective condition as engine.ts computes a node's value: the instrument's scope AND, for every
 * ancestor and for the requirement itself, its applicability AND, when it has addressees other than
 * "ai-actor" and "state", `roles` includes one of them (a node inherits its parent's value, role
 * test included). all/any/not map to json-rules-engine's all/any/not; leaf
 * tests to custom operators (includes, includesAny, inJurisdiction with core's own placeWithin,
 * gte, gt, lt) and the built-in `equal` for `is`. Facts come from the profile passed to
 * `engine.run(profile)`: each top-level key is a fact, nested ones are read with a JSONPath
 * (`{ fact: "places", path: "$.used" }`, the library's default resolver).
 *
 * json-rules-engine is two-valued. With allowUndefinedFacts an absent fact reads as undefined and
 * every operator here answers false for it: unknown counts as false, and `not` of an unknown test
 * is then true. So it never says "may apply"; the comparison is only exact for a profile that
 * states every fact, which the benchmark checks before timing.
 *
 * An instrument with `dates.repealed` is out of scope from that date on (engine.ts compares it with
 * the evaluation's asOf): its scope gets `{ fact: "asOf", operator: "before", value: <repealed> }`,
 * with asOf a constant fact of the engine.
 */
import { Engine, type RuleProperties, type TopLevelCondition } from "json-rules-engine";
import {
  type Addressee,
  type Condition,
  type Instrument,
  placeWithin,
  type Requirement,
  requirementKey,
  type SystemProfile,
} from "../../packages/core/src/index.js";

type JreCondition =
  | { all: JreCondition[] }
  | { any: JreCondition[] }
  | { not: JreCondition }
  | { fact: string; path?: string; operator: string; value: unknown };

function leaf(fact: string, operator: string, value: unknown): JreCondition {
  const dot = fact.indexOf(".");
  return dot < 0
    ? { fact, operator, value }
    : { fact: fact.slice(0, dot), path: `$.${fact.slice(dot + 1)}`, operator, value };
}

export function translate(c: Condition): JreCondition {
  if ("all" in c) return { all: c.all.map(translate) };
  if ("any" in c) return { any: c.any.map(translate) };
  if ("not" in c) return { not: translate(c.not) };
  if ("is" in c) return leaf(c.fact, "equal", c.is);
  if ("includes" in c) return leaf(c.fact, "includes", c.includes);
  if ("includesAny" in c) return leaf(c.fact, "includesAny", c.includesAny);
  if ("gte" in c) return leaf(c.fact, "gte", c.gte);
  if ("gt" in c) return leaf(c.fact, "gt", c.gt);
  if ("lt" in c) return leaf(c.fact, "lt", c.lt);
  return leaf(c.fact, "inJurisdiction", c.inJurisdiction);
}

/** The addressee role test of engine.ts (roleCondition). */
function roleCondition(addressees: readonly Addressee[] | undefined): Condition | null {
  if (!addressees || addressees.includes("ai-actor")) return null;
  const roles = addressees.filter((a) => a !== "state" && a !== "ai-actor");
  return roles.length === 0 ? null : { fact: "roles", includesAny: roles };
}

const isObligation = (r: Requirement) => (r.addressees ?? []).some((a) => a !== "state");

export interface JreRules {
  rules: RuleProperties[];
  /** Requirement keys of the obligations (requirements with an addressee other than "state"). */
  obligations: Set<string>;
  leafTests: number;
}

/** One rule per requirement: event type "obligation" or "node", params.key = "<instrument>:<requirement>". */
export function jreRules(instruments: readonly Instrument[]): JreRules {
  const rules: RuleProperties[] = [];
  const obligations = new Set<string>();
  let leafTests = 0;
  const count = (c: JreCondition): void => {
    if ("all" in c) c.all.forEach(count);
    else if ("any" in c) c.any.forEach(count);
    else if ("not" in c) count(c.not);
    else leafTests++;
  };
  for (const instrument of instruments) {
    const visit = (reqs: readonly Requirement[], scope: JreCondition[], chain: Condition[]) => {
      for (const r of reqs) {
        const role = roleCondition(r.addressees);
        const own = [...chain, ...[r.applicability, role].filter((c): c is Condition => c != null)];
        const parts = [...scope, ...own.map(translate)];
        parts.forEach(count);
        const key = requirementKey(instrument.id, r.id);
        const obligation = isObligation(r);
        if (obligation) obligations.add(key);
        rules.push({
          name: key,
          // An empty `all` holds in json-rules-engine, as an absent condition does in ours.
          conditions: { all: parts } as TopLevelCondition,
          event: { type: obligation ? "obligation" : "node", params: { key } },
        });
        if (r.children) visit(r.children, scope, own);
      }
    };
    const scope: JreCondition[] = instrument.scope ? [translate(instrument.scope)] : [];
    if (instrument.dates.repealed) scope.push({ fact: "asOf", operator: "before", value: instrument.dates.repealed });
    visit(instrument.requirements, scope, []);
  }
  return { rules, obligations, leafTests };
}

const isList = (v: unknown): v is unknown[] => Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number";

export function jreEngine(rules: readonly RuleProperties[], asOf: string): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addFact("asOf", asOf);
  engine.addOperator<unknown, string>("before", (v, x) => typeof v === "string" && v < x);
  engine.addOperator<unknown, string>("includes", (v, x) => isList(v) && v.includes(x));
  engine.addOperator<unknown, string[]>("includesAny", (v, xs) => isList(v) && v.some((x) => xs.includes(x as string)));
  engine.addOperator<unknown, string>(
    "inJurisdiction",
    (v, j) => isList(v) && v.some((place) => placeWithin(place as string, j)),
  );
  engine.addOperator<unknown, number>("gte", (v, x) => isNumber(v) && v >= x);
  engine.addOperator<unknown, number>("gt", (v, x) => isNumber(v) && v > x);
  engine.addOperator<unknown, number>("lt", (v, x) => isNumber(v) && v < x);
  for (const rule of rules) engine.addRule(rule);
  return engine;
}

/** One evaluation: the keys of the requirements whose rule succeeded. */
export async function jreHolds(engine: Engine, profile: SystemProfile): Promise<Set<string>> {
  const { events } = await engine.run(profile as unknown as Record<string, unknown>);
  return new Set(events.map((e) => e.params!.key as string));
}
