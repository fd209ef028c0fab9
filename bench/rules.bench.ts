/**
 * Rules benchmark: evaluations per second of one system profile against every instrument of
 * data/frameworks (compiled once, single thread), as the API returns them (with traces), without
 * traces (`traces: false`) and with includeNotApplicable; JSON.stringify of the result for scale;
 * the three-valued pass alone (the floor: where the time goes); json-rules-engine on the same rules
 * in the same run, after checking that both engines agree. Then crosswalk inference over all
 * instruments on the reviewed crosswalks of data/crosswalks (coverageMatrix with maxHops 2 and 3,
 * complyOnce). Run with `node scripts/bench.mjs rules` (or `node --import tsx bench/rules.bench.ts`).
 * Markdown tables go to stdout, progress to stderr, every figure to bench/results/rules.json.
 *
 * Settings (environment, defaults in brackets): BENCH_RULES_SECONDS per measured run [3],
 * BENCH_RULES_WARMUP seconds of warm-up before each run [1], BENCH_RULES_ROUNDS rounds [3],
 * BENCH_RULES_JRE_MIN_CALLS json-rules-engine runs timed per round at least, even past
 * BENCH_RULES_SECONDS [10], BENCH_RULES_INTERLEAVED_SECONDS per profile for the interleaved means
 * [15] (0: skip), BENCH_RULES_SLICE_MS length of one variant's turn there [100],
 * BENCH_RULES_MATRIX_REPS timed coverage matrices per maxHops at least [3], BENCH_RULES_PARTS
 * [engine,crosswalks].
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { SystemProfileSchema } from "../packages/contracts/src/index.js";
import {
  type CompiledRules,
  compileRules,
  type EvaluateOptions,
  type Instrument,
  requirementKeys,
} from "../packages/core/src/index.js";
import {
  loadReferenceCrosswalks,
  loadReferenceInstruments,
} from "../packages/server/src/modules/rules/reference-data.js";
import { median } from "./lib/report.js";
import { fmt, setting } from "./log/common.js";
import { type Agreement, agreement } from "./rules/agreement.js";
import { interleaved, latency, log, measureAsync, measureSync, type Run, repeat } from "./rules/common.js";
import { measureCrosswalks } from "./rules/crosswalks.js";
import { jreEngine, jreRules } from "./rules/jre.js";
import { conditionPass } from "./rules/passes.js";
import { PROFILES } from "./rules/profiles.js";
import {
  agreementTable,
  aim,
  crosswalkTable,
  evaluationTable,
  type VariantResult,
  whereTable,
} from "./rules/tables.js";

const SECONDS = setting("BENCH_RULES_SECONDS", 3, { min: 0.1, max: 600 });
const WARMUP = setting("BENCH_RULES_WARMUP", 1, { min: 0, max: 600 });
const ROUNDS = setting("BENCH_RULES_ROUNDS", 3, { max: 20 });
const MATRIX_REPS = setting("BENCH_RULES_MATRIX_REPS", 3, { max: 1000 });
const JRE_MIN_CALLS = setting("BENCH_RULES_JRE_MIN_CALLS", 10, { max: 10_000 });
const INTERLEAVED_SECONDS = setting("BENCH_RULES_INTERLEAVED_SECONDS", 15, { min: 0, max: 3600 });
const SLICE_MS = setting("BENCH_RULES_SLICE_MS", 100, { max: 10_000 });
const PARTS = new Set((process.env.BENCH_RULES_PARTS || "engine,crosswalks").split(","));
const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const DATA = join(ROOT, "data");
const AS_OF = "2026-11-26";
/** The aim: evaluations/s of one profile against all instruments on one core. */
const TARGET = 10_000;

const started = new Date();
const load0 = loadavg();

// Data, loaded and validated as the server loads it.
const instruments: Instrument[] = loadReferenceInstruments(DATA);
const crosswalks = loadReferenceCrosswalks(DATA);
const requirementCount = instruments.reduce((n, i) => n + requirementKeys(i).length, 0);
const compile = repeat(() => compileRules(instruments), 5, 1);
const rules: CompiledRules = compile.result;
const obligationCount = rules.instruments.reduce((n, ci) => n + ci.nodes.filter((x) => x.isObligation).length, 0);
for (const p of PROFILES) SystemProfileSchema.parse(p.profile);
log(
  `${instruments.length} instruments, ${requirementCount} requirements (${obligationCount} obligations), ` +
    `${crosswalks.length} crosswalk files; compileRules ${fmt(median(compile.ms), 2)} ms`,
);

// json-rules-engine: the same rules (bench/rules/jre.ts).
const jre = jreRules(instruments);
const engine = jreEngine(jre.rules, AS_OF);
if (jre.rules.length !== requirementCount) throw new Error(`json-rules-engine: ${jre.rules.length} rules`);
const jreVersion: string = createRequire(import.meta.url)("json-rules-engine/package.json").version;

// ---------------------------------------------------------------------------------------------
// The timed variants, per profile. Two measurements of each: (1) rounds, each running every
// variant for BENCH_RULES_SECONDS after its warm-up, the starting variant rotating per round:
// throughput and latency; (2) slices of BENCH_RULES_SLICE_MS taking turns for
// BENCH_RULES_INTERLEAVED_SECONDS per profile: means whose ratios hold even when the machine's
// load changes between runs.

interface Variant {
  profile: string;
  id: string;
  label: string;
  call: () => unknown;
  async?: boolean;
  isEvaluation: boolean;
}

function variantsOf(): Variant[] {
  const out: Variant[] = [];
  for (const p of PROFILES) {
    const { profile } = p;
    const add = (id: string, label: string, isEvaluation: boolean, call: () => unknown, async = false) =>
      out.push({ profile: p.id, id, label, call, async, isEvaluation });
    const opts = (extra: Partial<EvaluateOptions> = {}): EvaluateOptions => ({ asOf: AS_OF, ...extra });
    const defaults = opts();
    const noTraces = opts({ traces: false });
    const all = opts({ includeNotApplicable: true });
    add("evaluate", "`evaluate` (API default: applying and may-apply obligations, with traces)", true, () =>
      rules.evaluate(profile, defaults),
    );
    add("no-traces", "`evaluate`, `traces: false`", true, () => rules.evaluate(profile, noTraces));
    add("evaluate-all", "`evaluate`, `includeNotApplicable: true` (with traces)", true, () =>
      rules.evaluate(profile, all),
    );
    const result = rules.evaluate(profile, defaults);
    add("stringify", "`JSON.stringify` of the default result (for scale; not an evaluation)", false, () =>
      JSON.stringify(result),
    );
    add("pass", "three-valued pass alone (the floor: no result objects; `bench/rules/passes.ts`)", false, () =>
      conditionPass(rules, profile, AS_OF),
    );
    add(
      "jre",
      `json-rules-engine ${jreVersion} \`engine.run(profile)\`${p.fullyKnown ? "" : " (unknown = false: not the same answers)"}`,
      true,
      () => engine.run(profile as unknown as Record<string, unknown>),
      true,
    );
  }
  return out;
}

const runOnce = (v: Variant): Run | Promise<Run> =>
  v.async
    ? measureAsync(v.call as () => Promise<unknown>, SECONDS, WARMUP, JRE_MIN_CALLS)
    : measureSync(v.call, SECONDS, WARMUP);

async function measure(variants: Variant[]): Promise<VariantResult[]> {
  const runs = new Map<Variant, Run[]>(variants.map((v) => [v, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the starting point so that no variant always runs right after the same one.
    const shift = Math.floor((round * variants.length) / ROUNDS);
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(k + shift) % variants.length]!;
      const r = await runOnce(v);
      runs.get(v)!.push(r);
      log(`round ${round + 1}/${ROUNDS} ${v.profile} ${v.id}: ${fmt(r.opsPerSec)}/s (${r.n} calls)`);
    }
  }
  const sliced = new Map<Variant, { calls: number; meanMs: number }>();
  if (INTERLEAVED_SECONDS > 0)
    for (const p of PROFILES) {
      const mine = variants.filter((v) => v.profile === p.id);
      log(`interleaved ${p.id}: ${mine.length} variants, ${INTERLEAVED_SECONDS} s in ${SLICE_MS} ms slices`);
      const totals = await interleaved(mine, INTERLEAVED_SECONDS, SLICE_MS);
      for (const v of mine) sliced.set(v, totals.get(v.id)!);
    }
  return variants.map((v) => {
    const rs = runs.get(v)!;
    const l = latency(rs);
    return {
      profile: v.profile,
      id: v.id,
      label: v.label,
      isEvaluation: v.isEvaluation,
      opsPerSec: median(rs.map((r) => r.opsPerSec)),
      rounds: rs.map((r) => r.opsPerSec),
      p50: l.p50,
      p99: l.p99,
      samples: l.n,
      meanMs: sliced.get(v)?.meanMs ?? Number.NaN,
      slicedCalls: sliced.get(v)?.calls ?? 0,
    };
  });
}

// ---------------------------------------------------------------------------------------------

const out: Record<string, unknown> = {
  started: started.toISOString(),
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
  loadavgStart: load0,
  settings: { SECONDS, WARMUP, ROUNDS, JRE_MIN_CALLS, INTERLEAVED_SECONDS, SLICE_MS, MATRIX_REPS, parts: [...PARTS] },
  instruments: instruments.length,
  requirements: requirementCount,
  obligations: obligationCount,
  jsonRulesEngine: { version: jreVersion, rules: jre.rules.length, leafTests: jre.leafTests },
  compileRulesMs: compile.ms,
  crosswalkFiles: crosswalks.map((c) => ({ id: c.id, mappings: c.mappings.length })),
};
const md: string[] = [];

if (PARTS.has("engine")) {
  const agreements: Agreement[] = [];
  for (const p of PROFILES) agreements.push(await agreement(rules, engine, jre.obligations, p, AS_OF));
  log("agreement checked: same answer on every requirement for the fully known profiles, no contradiction otherwise");
  const results = await measure(variantsOf());
  out.agreement = agreements;
  out.evaluations = results;
  const verdicts = results
    .filter((r) => r.isEvaluation && r.id !== "jre")
    .map((r) => `${r.profile} ${r.id}: ${aim(r, TARGET).replace(/\*/g, "")}`);
  md.push(
    `### Agreement (checked before timing)\n\n${agreementTable(agreements)}`,
    `### Evaluations per second (one profile against all ${instruments.length} instruments, single thread)\n\n` +
      `Median of ${ROUNDS} rounds (${WARMUP} s warm-up + ${SECONDS} s each); p50/p99 over every call of the rounds; ` +
      `interleaved mean and the ratios from ${SLICE_MS} ms turns for ${INTERLEAVED_SECONDS} s per profile.\n\n` +
      `${evaluationTable(results, TARGET)}\n\nAim of ${TARGET.toLocaleString("en")}/s: ${verdicts.join("; ")}.`,
  );
  if (INTERLEAVED_SECONDS > 0)
    md.push(`### Where an evaluation's time goes (interleaved means)\n\n${whereTable(results)}`);
}

if (PARTS.has("crosswalks")) {
  // As the checklist route: the evaluation without traces, then complyOnce with maxHops 2.
  const evaluations = PROFILES.filter((p) => p.fullyKnown).map((p) => ({
    profile: p.id,
    evaluation: rules.evaluate(p.profile, { asOf: AS_OF, traces: false }),
  }));
  log(`crosswalks: data/crosswalks (${crosswalks.length} files)`);
  const figs = measureCrosswalks(crosswalks, instruments, evaluations, MATRIX_REPS);
  out.crosswalks = figs;
  md.push(`### Crosswalk inference over all ${instruments.length} instruments\n\n${crosswalkTable(figs)}`);
}

out.loadavgEnd = loadavg();
out.seconds = (Date.now() - started.getTime()) / 1000;
mkdirSync(join(ROOT, "bench/results"), { recursive: true });
writeFileSync(join(ROOT, "bench/results/rules.json"), `${JSON.stringify(out, null, 2)}\n`);

const loads = (xs: number[]) => xs.map((x) => fmt(x, 1)).join(", ");
console.log(
  [
    `Run of ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, ${fmt(out.seconds as number)} s; ${out.cpus}, ` +
      `Node ${process.version}; load average ${loads(load0)} at the start, ${loads(out.loadavgEnd as number[])} at the end.`,
    `${instruments.length} instruments, ${requirementCount} requirements, ${obligationCount} obligations; ` +
      `json-rules-engine ${jreVersion}: ${jre.rules.length} rules, ${jre.leafTests} leaf tests; ` +
      `compileRules ${fmt(median(compile.ms), 2)} ms.`,
    ...md,
  ].join("\n\n"),
);
