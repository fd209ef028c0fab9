/**
 * The check run before any timing: our engine and json-rules-engine give the same answer for every
 * requirement (not only the obligations) of a fully known profile; for a partly known one,
 * json-rules-engine never contradicts a definite answer of ours, and we count how it resolves our
 * "may apply" ones. It also checks that the replayed pass (passes.ts) agrees with `evaluate`'s
 * statuses, and that `traces: false` changes nothing but the traces.
 */
import type { Engine } from "json-rules-engine";
import {
  type CompiledRules,
  type EvaluateOptions,
  type Evaluation,
  TRUE,
  UNKNOWN,
} from "../../packages/core/src/index.js";
import { jreHolds } from "./jre.js";
import { nodeValues } from "./passes.js";
import { type NamedProfile, unknownFacts } from "./profiles.js";

export interface StatusCounts {
  applies: number;
  mayApply: number;
  doesNotApply: number;
  reported: number;
  traceEntries: number;
}

export function statusCounts(e: Evaluation): StatusCounts {
  const c = { applies: 0, mayApply: 0, doesNotApply: 0, reported: 0, traceEntries: 0 };
  for (const j of e.jurisdictions)
    for (const i of j.instruments) {
      c.applies += i.counts.applies;
      c.mayApply += i.counts.mayApply;
      c.doesNotApply += i.counts.doesNotApply;
      c.reported += i.obligations.length;
      for (const o of i.obligations) c.traceEntries += o.trace.length;
      c.traceEntries += i.scopeTrace.length;
    }
  return c;
}

/** The evaluation with every trace emptied: what `traces: false` must return. */
const withoutTraces = (e: Evaluation): Evaluation => ({
  ...e,
  jurisdictions: e.jurisdictions.map((j) => ({
    ...j,
    instruments: j.instruments.map((i) => ({
      ...i,
      scopeTrace: [],
      obligations: i.obligations.map((o) => ({ ...o, trace: [] })),
    })),
  })),
});

export interface Agreement {
  profile: string;
  fullyKnown: boolean;
  unknownFacts: string[];
  ours: StatusCounts;
  jreTrue: number;
  jreObligationsTrue: number;
  /** Fully known: nodes where the engines differ. Partly known: definite answers of ours that json-rules-engine contradicts. Must be 0 (else it throws). */
  disagreements: number;
  /** Partly known: how json-rules-engine answers the obligations ours reports as "may apply". */
  mayApplyAsTrue: number;
  mayApplyAsFalse: number;
  /** JSON.stringify(...).length of the default result, without traces, with includeNotApplicable. */
  jsonBytes: { default: number; noTraces: number; all: number };
}

export async function agreement(
  rules: CompiledRules,
  engine: Engine,
  obligationKeys: ReadonlySet<string>,
  p: NamedProfile,
  asOf: string,
): Promise<Agreement> {
  const unknown = unknownFacts(p.profile);
  if (p.fullyKnown && unknown.length) throw new Error(`${p.id}: facts not stated: ${unknown.join(", ")}`);
  const opts: EvaluateOptions = { asOf };
  const evaluation = rules.evaluate(p.profile, { ...opts, includeNotApplicable: true });
  const defaultJson = JSON.stringify(rules.evaluate(p.profile, opts));
  const noTracesJson = JSON.stringify(rules.evaluate(p.profile, { ...opts, traces: false }));
  if (noTracesJson !== JSON.stringify(withoutTraces(JSON.parse(defaultJson) as Evaluation)))
    throw new Error(`${p.id}: traces: false changes more than the traces`);
  const values = nodeValues(rules, p.profile, asOf);
  for (const j of evaluation.jurisdictions)
    for (const i of j.instruments)
      for (const o of i.obligations) {
        const v = values.get(`${i.instrumentId}:${o.requirementId}`);
        const expected = o.status === "applies" ? TRUE : o.status === "may-apply" ? UNKNOWN : 0;
        if (v !== expected)
          throw new Error(`${p.id}: the replayed pass differs from evaluate on ${i.instrumentId}:${o.requirementId}`);
      }
  const holds = await jreHolds(engine, p.profile);
  let mayApplyAsTrue = 0;
  let mayApplyAsFalse = 0;
  const differing: string[] = [];
  for (const [key, v] of values) {
    const j = holds.has(key);
    if (v === UNKNOWN) {
      if (p.fullyKnown) throw new Error(`${p.id}: ${key} is unknown for a fully known profile`);
      if (obligationKeys.has(key)) {
        if (j) mayApplyAsTrue++;
        else mayApplyAsFalse++;
      }
    } else if ((v === TRUE) !== j) differing.push(`${key}: ours ${v === TRUE}, json-rules-engine ${j}`);
  }
  if (differing.length)
    throw new Error(`${p.id}: the engines disagree on ${differing.length} requirements: ${differing.slice(0, 10)}`);
  return {
    profile: p.id,
    fullyKnown: p.fullyKnown,
    unknownFacts: unknown,
    ours: statusCounts(evaluation),
    jreTrue: holds.size,
    jreObligationsTrue: [...holds].filter((k) => obligationKeys.has(k)).length,
    disagreements: differing.length,
    mayApplyAsTrue,
    mayApplyAsFalse,
    jsonBytes: { default: defaultJson.length, noTraces: noTracesJson.length, all: JSON.stringify(evaluation).length },
  };
}
