import {
  type CompiledCondition,
  compileCondition,
  compileExplainer,
  type Explained,
  FALSE,
  type FactTrace,
  TRUE,
  type Tri,
  UNKNOWN,
} from "./condition.js";
import { jurisdictionMatches } from "./jurisdictions.js";
import {
  type Addressee,
  BINDING_KINDS,
  type Condition,
  type Instrument,
  type InstrumentKind,
  type Requirement,
  type SystemProfile,
} from "./types.js";

export type Applicability = "applies" | "may-apply" | "does-not-apply";
const STATUS: readonly Applicability[] = ["does-not-apply", "applies", "may-apply"];

export interface ObligationResult {
  requirementId: string;
  ref: string;
  title: string;
  addressees: Addressee[];
  status: Applicability;
  /** ISO date from which it applies (null when the instrument gives none). */
  appliesFrom: string | null;
  /** Whether appliesFrom is on or before the evaluation date. */
  inEffect: boolean;
  /**
   * The profile facts that triggered (or blocked, or are missing for) this result: the
   * requirement's own conditions and its ancestors'. The instrument's territorial/material scope
   * is explained once, in the instrument's scopeTrace. Empty when traces are not asked for.
   */
  trace: FactTrace[];
  verify?: boolean;
}

export interface CategoryResult {
  id: string;
  label: string;
  rank: number;
}

export interface InstrumentResult {
  instrumentId: string;
  version: string;
  shortTitle: string;
  jurisdiction: string;
  kind: InstrumentKind;
  binding: boolean;
  status: Applicability;
  /** Set when the evaluation date is on or after the instrument's repeal: then nothing applies. */
  repealedOn: string | null;
  scopeTrace: FactTrace[];
  /** The category in the instrument's own terms; null when out of scope or it has none. */
  category: CategoryResult | null;
  /** More severe categories that may apply once unknown facts are known. */
  possibleCategories: CategoryResult[];
  obligations: ObligationResult[];
  counts: { applies: number; mayApply: number; doesNotApply: number; stateDuties: number };
}

export interface JurisdictionResult {
  jurisdiction: string;
  instruments: InstrumentResult[];
}

export interface Evaluation {
  asOf: string;
  jurisdictions: JurisdictionResult[];
}

export interface EvaluateOptions {
  /** ISO date; obligations report inEffect relative to it. */
  asOf: string;
  /** Only instruments of these jurisdictions (a code covers the ones under it: "US" covers "US-CO"). */
  jurisdictions?: readonly string[];
  /** Also list obligations that do not apply, with the facts that rule them out. */
  includeNotApplicable?: boolean;
  /** Explain each result with the facts behind it (default true; false is several times faster). */
  traces?: boolean;
}

interface CompiledNode {
  requirement: Requirement;
  parent: number;
  /** Own applicability AND the addressee role test; null when neither exists. */
  own: CompiledCondition | null;
  /** The same, explaining itself; null when neither exists. */
  explain: ((profile: object) => Explained) | null;
  isObligation: boolean;
  isStateDuty: boolean;
  appliesFrom: string | null;
  category: CategoryResult | null;
}

interface CompiledInstrument {
  instrument: Instrument;
  binding: boolean;
  scope: CompiledCondition | null;
  scopeExplain: ((profile: object) => Explained) | null;
  nodes: CompiledNode[];
  defaultCategory: CategoryResult | null;
}

/** A set of instruments compiled once, evaluated many times. */
export interface CompiledRules {
  instruments: readonly CompiledInstrument[];
  evaluate(profile: SystemProfile, options: EvaluateOptions): Evaluation;
}

function roleCondition(addressees: readonly Addressee[] | undefined): Condition | null {
  if (!addressees || addressees.includes("ai-actor")) return null;
  const roles = addressees.filter((a) => a !== "state" && a !== "ai-actor");
  return roles.length === 0 ? null : { fact: "roles", includesAny: roles };
}

function compileInstrument(instrument: Instrument): CompiledInstrument {
  const categories = new Map(
    (instrument.categories ?? []).map((c) => [c.id, { id: c.id, label: c.label, rank: c.rank }]),
  );
  const nodes: CompiledNode[] = [];
  const fallbackDate = instrument.dates.entryIntoForce ?? null;
  const dates = new Map(instrument.applicationDates.map((d) => [d.id, d.date]));
  const visit = (reqs: Requirement[], parent: number, inherited: string | null) => {
    for (const requirement of reqs) {
      const role = roleCondition(requirement.addressees);
      const ownParts = [requirement.applicability, role].filter((c): c is Condition => c != null);
      const ownCondition = ownParts.length === 0 ? null : ownParts.length === 1 ? ownParts[0]! : { all: ownParts };
      const appliesFrom = requirement.appliesFrom ? (dates.get(requirement.appliesFrom) ?? null) : inherited;
      const addressees = requirement.addressees ?? [];
      const index = nodes.length;
      nodes.push({
        requirement,
        parent,
        own: ownCondition ? compileCondition(ownCondition) : null,
        explain: ownCondition ? compileExplainer(ownCondition) : null,
        isObligation: addressees.some((a) => a !== "state"),
        isStateDuty: addressees.length > 0 && addressees.every((a) => a === "state"),
        appliesFrom,
        category: requirement.category ? (categories.get(requirement.category) ?? null) : null,
      });
      if (requirement.children) visit(requirement.children, index, appliesFrom);
    }
  };
  visit(instrument.requirements, -1, fallbackDate);
  return {
    instrument,
    binding: BINDING_KINDS.has(instrument.kind),
    scope: instrument.scope ? compileCondition(instrument.scope) : null,
    scopeExplain: instrument.scope ? compileExplainer(instrument.scope) : null,
    nodes,
    defaultCategory: instrument.defaultCategory ? (categories.get(instrument.defaultCategory) ?? null) : null,
  };
}

function and(a: Tri, b: Tri): Tri {
  if (a === FALSE || b === FALSE) return FALSE;
  return a === UNKNOWN || b === UNKNOWN ? UNKNOWN : TRUE;
}

/**
 * The facts behind node i's value, from its own condition and its ancestors' (an AND chain):
 * every part when it holds, else the parts that are false (or unknown). Each node is explained
 * at most once per evaluation (`cache`).
 */
function chainTrace(
  nodes: readonly CompiledNode[],
  i: number,
  value: Tri,
  profile: object,
  cache: (Explained | undefined)[],
): FactTrace[] {
  const parts: Explained[] = [];
  for (let k = i; k >= 0; k = nodes[k]!.parent) {
    const node = nodes[k]!;
    if (!node.explain) continue;
    let e = cache[k];
    if (!e) {
      e = node.explain(profile);
      cache[k] = e;
    }
    parts.push(e);
  }
  const trace: FactTrace[] = [];
  for (let k = parts.length - 1; k >= 0; k--) {
    const part = parts[k]!;
    if (value === TRUE || part.value === value) trace.push(...part.trace);
  }
  return trace;
}

function evaluateInstrument(
  ci: CompiledInstrument,
  profile: SystemProfile,
  options: EvaluateOptions,
): InstrumentResult {
  const { instrument, nodes } = ci;
  const repealed = instrument.dates.repealed !== undefined && instrument.dates.repealed <= options.asOf;
  const scope: Tri = repealed ? FALSE : ci.scope ? ci.scope(profile) : TRUE;
  const values = new Uint8Array(nodes.length);
  const obligations: ObligationResult[] = [];
  const counts = { applies: 0, mayApply: 0, doesNotApply: 0, stateDuties: 0 };
  let category: CategoryResult | null = null;
  const possible: CategoryResult[] = [];
  const traces = options.traces !== false;
  const cache: (Explained | undefined)[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const inherited = node.parent < 0 ? scope : (values[node.parent] as Tri);
    const value: Tri = inherited === FALSE ? FALSE : node.own ? and(inherited, node.own(profile)) : inherited;
    values[i] = value;
    if (node.category && value !== FALSE) {
      if (value === TRUE) {
        if (!category || node.category.rank > category.rank) category = node.category;
      } else if (!possible.includes(node.category)) possible.push(node.category);
    }
    if (node.isStateDuty) counts.stateDuties++;
    if (!node.isObligation) continue;
    if (value === TRUE) counts.applies++;
    else if (value === UNKNOWN) counts.mayApply++;
    else counts.doesNotApply++;
    if (value === FALSE && !options.includeNotApplicable) continue;
    const r = node.requirement;
    const result: ObligationResult = {
      requirementId: r.id,
      ref: r.ref,
      title: r.title,
      addressees: r.addressees ?? [],
      status: STATUS[value]!,
      appliesFrom: node.appliesFrom,
      inEffect: node.appliesFrom !== null && node.appliesFrom <= options.asOf,
      trace: traces ? chainTrace(nodes, i, value, profile, cache) : [],
    };
    if (r.verify) result.verify = true;
    obligations.push(result);
  }
  if (!category && scope !== FALSE) category = ci.defaultCategory;
  const floor = category?.rank ?? -1;
  return {
    instrumentId: instrument.id,
    version: instrument.version,
    shortTitle: instrument.shortTitle,
    jurisdiction: instrument.jurisdiction,
    kind: instrument.kind,
    binding: ci.binding,
    status: STATUS[scope]!,
    repealedOn: repealed ? instrument.dates.repealed! : null,
    scopeTrace: ci.scopeExplain && traces ? ci.scopeExplain(profile).trace : [],
    category,
    possibleCategories: possible.filter((c) => c.rank > floor).sort((a, b) => b.rank - a.rank),
    obligations,
    counts,
  };
}

/** Compiles instruments (already validated) for repeated evaluation. */
export function compileRules(instruments: readonly Instrument[]): CompiledRules {
  const compiled = [...instruments]
    .sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.id.localeCompare(b.id))
    .map(compileInstrument);
  return {
    instruments: compiled,
    evaluate(profile, options) {
      const filter = options.jurisdictions;
      const byJurisdiction = new Map<string, InstrumentResult[]>();
      for (const ci of compiled) {
        const j = ci.instrument.jurisdiction;
        if (filter && !filter.some((f) => jurisdictionMatches(j, f))) continue;
        const result = evaluateInstrument(ci, profile, options);
        const list = byJurisdiction.get(j);
        if (list) list.push(result);
        else byJurisdiction.set(j, [result]);
      }
      return {
        asOf: options.asOf,
        jurisdictions: [...byJurisdiction].map(([jurisdiction, list]) => ({ jurisdiction, instruments: list })),
      };
    },
  };
}
