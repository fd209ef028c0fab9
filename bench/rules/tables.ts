/** Markdown tables of the rules benchmark. */

import { fmt } from "../lib/common.js";
import { median, table } from "../lib/report.js";
import type { Agreement } from "./agreement.js";
import type { CrosswalkFigures } from "./crosswalks.js";
import { PROFILES } from "./profiles.js";

/** One timed variant: throughput rounds and latency (measureSync/measureAsync), interleaved mean. */
export interface VariantResult {
  profile: string;
  id: string;
  label: string;
  /** An evaluation against all instruments (the aim applies to it), not a part or a comparison. */
  isEvaluation: boolean;
  opsPerSec: number;
  rounds: number[];
  p50: number;
  p99: number;
  samples: number;
  /** Mean ms per call in the interleaved slices (NaN when skipped). */
  meanMs: number;
  slicedCalls: number;
}

/** fmt with thousands separators. */
const num = (x: number, digits = 0) =>
  Number.isFinite(x) ? Number(fmt(x, digits)).toLocaleString("en", { maximumFractionDigits: 6 }) : "–";
const us = (ms: number) => num(ms * 1000, ms * 1000 < 100 ? 1 : 0);
const times = (x: number) => num(x, x < 10 ? 2 : x < 100 ? 1 : 0);
const ops = (x: number) => num(x, x < 10 ? 1 : 0);

/** Against the aim: measured throughput first; if only an uncontended call (p50) is fast enough, say so. */
export function aim(r: VariantResult, target: number): string {
  if (!r.isEvaluation) return "";
  if (r.opsPerSec >= target) return "**yes**";
  const atP50 = 1000 / r.p50;
  if (atP50 >= target) return `at p50 only (${num(atP50)}/s)`;
  return `no (${times(target / atP50)}× short at p50)`;
}

export function evaluationTable(results: VariantResult[], target: number): string {
  const base = (r: VariantResult, id: string) => results.find((x) => x.profile === r.profile && x.id === id)?.meanMs;
  return table(
    [
      "Profile",
      "Variant",
      "Evaluations/s, median (rounds)",
      "p50 / p99 (µs)",
      "Interleaved mean (µs)",
      "× jre",
      "× evaluate",
      `${target.toLocaleString("en")}/s on one core`,
    ],
    results.map((r) => [
      r.profile,
      r.label,
      `${ops(r.opsPerSec)} (${r.rounds.map(ops).join(", ")})`,
      `${us(r.p50)} / ${us(r.p99)}`,
      Number.isNaN(r.meanMs) ? "–" : us(r.meanMs),
      times(base(r, "jre")! / r.meanMs),
      times(base(r, "evaluate")! / r.meanMs),
      aim(r, target),
    ]),
  );
}

const share = (part: number, total: number) => `${num(part, part < 100 ? 1 : 0)} (${fmt((part / total) * 100, 1)} %)`;

/** From the interleaved means: pass, result objects (traces: false − pass), traces (evaluate − traces: false). */
export function whereTable(results: VariantResult[]): string {
  const rows: (string | number)[][] = [];
  for (const p of PROFILES) {
    const get = (id: string) => results.find((r) => r.profile === p.id && r.id === id)!.meanMs * 1000;
    const [ev, bare, pass, all, json] = ["evaluate", "no-traces", "pass", "evaluate-all", "stringify"].map(get) as [
      number,
      number,
      number,
      number,
      number,
    ];
    if (Number.isNaN(ev)) continue;
    rows.push([p.id, num(ev), share(pass, ev), share(bare - pass, ev), share(ev - bare, ev), num(all), num(json)]);
  }
  return table(
    [
      "Profile",
      "`evaluate` (µs)",
      "three-valued pass (µs, share)",
      "result objects: `traces: false` − pass (µs, share)",
      "traces: `evaluate` − `traces: false` (µs, share)",
      "`includeNotApplicable` (µs)",
      "`JSON.stringify` of the default result (µs)",
    ],
    rows,
  );
}

const kib = (bytes: number) => fmt(bytes / 1024, 1);

export function agreementTable(rows: Agreement[]): string {
  return table(
    [
      "Profile",
      "Facts not stated",
      "Ours: applies / may apply / does not apply (obligations)",
      "json-rules-engine: obligations true (all rules true)",
      "Disagreements",
      "Our may-apply → jre true / false",
      "Result JSON, KiB: default / `traces: false` / `includeNotApplicable`",
    ],
    rows.map((a) => [
      a.profile,
      a.unknownFacts.length || "none",
      `${a.ours.applies} / ${a.ours.mayApply} / ${a.ours.doesNotApply}`,
      `${a.jreObligationsTrue} (${a.jreTrue})`,
      a.disagreements,
      a.fullyKnown ? "–" : `${a.mayApplyAsTrue} / ${a.mayApplyAsFalse}`,
      `${kib(a.jsonBytes.default)} / ${kib(a.jsonBytes.noTraces)} / ${kib(a.jsonBytes.all)}`,
    ]),
  );
}

const msCell = (xs: number[]) => `${num(median(xs), median(xs) < 10 ? 2 : 0)} (${xs.length})`;

export function crosswalkTable(f: CrosswalkFigures): string {
  const rows: (string | number)[][] = f.hops.map((h) => [
    h.maxHops,
    msCell(h.inferAllMs),
    msCell(h.matrixMs),
    times(median(h.matrixMs) / median(h.inferAllMs)),
    `${h.cellsWithCoverage} of ${h.cells} (${num(h.full)} full, ${num(h.partial)} partial requirements)`,
  ]);
  return [
    `\`data/crosswalks\`: ${f.crosswalks} crosswalks, ${f.mappings} mappings (${f.intersects} intersects-with); ` +
      `graph: ${f.graph.nodes} requirements with edges, ${f.graph.edges} directed edges, ${f.graph.dangling} dangling; ` +
      `\`buildCrosswalkGraph\` ${msCell(f.buildMs)} ms (median, runs).`,
    table(
      [
        "maxHops",
        `Baseline: \`inferFrom(·, maxHops)\` once per requirement, ${num(f.requirements)} calls (median ms, runs)`,
        "`coverageMatrix(graph, all, maxHops)` (median ms, runs)",
        "Matrix / baseline",
        "Ordered pairs with some coverage",
      ],
      rows,
    ),
    table(
      [
        "Evaluation (`traces: false`)",
        "`complyOnce(graph, evaluation)`, maxHops 2 (median ms, runs)",
        "Obligations",
        "Items",
        "Items grouping other obligations",
      ],
      f.complyOnce.map((c) => [c.profile, msCell(c.ms), c.obligations, c.items, c.grouped]),
    ),
  ].join("\n\n");
}
