/** Timing helpers of the rules benchmark: warm-up, measured runs with one latency sample per call. */
import { performance } from "node:perf_hooks";
import { percentile } from "../lib/common.js";

export const log = (msg: string) => console.error(`[bench rules ${new Date().toISOString().slice(11, 19)}] ${msg}`);

export interface Run {
  /** Calls in the measured window. */
  n: number;
  seconds: number;
  opsPerSec: number;
  /** Milliseconds per call. */
  samples: Float64Array<ArrayBuffer>;
}

// Results are kept here so that the optimiser cannot drop a call whose result is unused.
let sink: unknown;
export const lastResult = () => sink;

function grow(xs: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(xs.length * 2);
  bigger.set(xs);
  return bigger;
}

/** Calls `fn` for `warmup` seconds untimed, then for `seconds`, timing each call with performance.now(). */
export function measureSync(fn: () => unknown, seconds: number, warmup: number): Run {
  const warmEnd = performance.now() + warmup * 1000;
  while (performance.now() < warmEnd) sink = fn();
  let samples = new Float64Array(4096);
  let n = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let t = t0;
  while (t < end) {
    sink = fn();
    const t1 = performance.now();
    if (n === samples.length) samples = grow(samples);
    samples[n++] = t1 - t;
    t = t1;
  }
  const elapsed = (t - t0) / 1000;
  return { n, seconds: elapsed, opsPerSec: n / elapsed, samples: samples.slice(0, n) };
}

/**
 * The same for an async call, awaited one at a time (no concurrency: one core, one evaluation after
 * the other); a slow call is repeated until `minCalls` have been timed, even past `seconds`.
 */
export async function measureAsync(
  fn: () => Promise<unknown>,
  seconds: number,
  warmup: number,
  minCalls = 1,
): Promise<Run> {
  const warmEnd = performance.now() + warmup * 1000;
  while (performance.now() < warmEnd) sink = await fn();
  let samples = new Float64Array(4096);
  let n = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let t = t0;
  while (t < end || n < minCalls) {
    sink = await fn();
    const t1 = performance.now();
    if (n === samples.length) samples = grow(samples);
    samples[n++] = t1 - t;
    t = t1;
  }
  const elapsed = (t - t0) / 1000;
  return { n, seconds: elapsed, opsPerSec: n / elapsed, samples: samples.slice(0, n) };
}

/** Median and p99 (nearest rank) over all the samples of several runs, in milliseconds. */
export function latency(runs: readonly Run[]): { p50: number; p99: number; n: number } {
  const all: number[] = [];
  for (const r of runs) for (const x of r.samples) all.push(x);
  return { p50: percentile(all, 50), p99: percentile(all, 99), n: all.length };
}

/** Times `fn` `reps` times at least and for at least `minSeconds` in all (one untimed call first); milliseconds. */
export function repeat<T>(fn: () => T, reps: number, minSeconds: number): { ms: number[]; result: T } {
  let result = fn();
  const ms: number[] = [];
  const t0 = performance.now();
  while (ms.length < reps || performance.now() - t0 < minSeconds * 1000) {
    const t = performance.now();
    result = fn();
    ms.push(performance.now() - t);
  }
  return { ms, result };
}

export interface SlicedVariant {
  id: string;
  call: () => unknown;
  /** The call returns a promise to await. */
  async?: boolean;
}

/**
 * Ratios on a shared machine: the variants take turns in slices of `sliceMs` (at least one call
 * each), the order rotating every turn, for `seconds` in all after one untimed turn. Load that
 * changes over seconds then weighs on every variant alike. Mean milliseconds per call for each.
 */
export async function interleaved(
  variants: readonly SlicedVariant[],
  seconds: number,
  sliceMs: number,
): Promise<Map<string, { calls: number; ms: number; meanMs: number }>> {
  const totals = new Map(variants.map((v) => [v.id, { calls: 0, ms: 0, meanMs: Number.NaN }]));
  const slice = async (v: SlicedVariant) => {
    const t0 = performance.now();
    let t = t0;
    let calls = 0;
    do {
      sink = v.async ? await (v.call() as Promise<unknown>) : v.call();
      calls++;
      t = performance.now();
    } while (t - t0 < sliceMs);
    return { calls, ms: t - t0 };
  };
  for (const v of variants) await slice(v);
  const end = performance.now() + seconds * 1000;
  for (let turn = 0; performance.now() < end; turn++) {
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(k + turn) % variants.length]!;
      const r = await slice(v);
      const total = totals.get(v.id)!;
      total.calls += r.calls;
      total.ms += r.ms;
    }
  }
  for (const total of totals.values()) total.meanMs = total.ms / total.calls;
  return totals;
}
