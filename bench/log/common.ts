/** Small helpers shared by the transparency-log benchmark: settings, progress log, cleanup, statistics. */
import { performance } from "node:perf_hooks";

export function setting(name: string, fallback: number, opts: { min?: number; max?: number } = {}): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  const min = opts.min ?? 1;
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  if (opts.max !== undefined && n > opts.max) throw new Error(`${name} must be at most ${opts.max}, got "${raw}"`);
  return n;
}

export const log = (msg: string) => console.error(`[bench log ${new Date().toISOString().slice(11, 19)}] ${msg}`);

// Cleanup runs once, newest first, on success, error or Ctrl-C.
const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | undefined;
export function onCleanup(fn: () => Promise<void> | void) {
  cleanups.push(fn);
}
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error("cleanup failed:", err);
      }
    }
  })();
  return cleaning;
}

/** Deterministic PRNG (mulberry32): the same queries on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile of an unsorted list (p in 0..100). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1]!;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(xs: readonly number[]): LatencySummary {
  return {
    n: xs.length,
    p50: percentile(xs, 50),
    p99: percentile(xs, 99),
    mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN,
    max: xs.length ? Math.max(...xs) : Number.NaN,
  };
}

export const now = () => performance.now();

/**
 * Runs `fn(i)` for i = 0..n-1 with `concurrency` workers, stopping early at the deadline
 * (a bounded loop). Resolves how many calls finished and the wall-clock seconds taken;
 * the first error stops the workers and is thrown.
 */
export async function runConcurrent(
  n: number,
  concurrency: number,
  maxSeconds: number,
  fn: (i: number) => Promise<void>,
): Promise<{ done: number; seconds: number; truncated: boolean }> {
  const t0 = now();
  const deadline = t0 + maxSeconds * 1000;
  let next = 0;
  let done = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < n && now() < deadline) {
      const i = next++;
      try {
        await fn(i);
        done++;
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  if (failed !== undefined) throw failed;
  return { done, seconds: (now() - t0) / 1000, truncated: done < n };
}

/** Rounds for a table; small non-zero values keep two significant digits instead of showing as 0. */
export const fmt = (x: number, digits = 0) => {
  if (!Number.isFinite(x)) return "–";
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  if (x !== 0 && Math.abs(r) < 10 ** (1 - digits) && Math.abs(x) < 10) return String(Number(x.toPrecision(2)));
  return String(r);
};
