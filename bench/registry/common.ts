/** Small helpers of the registry benchmark: settings, progress log, cleanup, statistics. */
import { performance } from "node:perf_hooks";

export function setting(name: string, fallback: number, opts: { min?: number; max?: number } = {}): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  const min = opts.min ?? 1;
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  if (opts.max !== undefined && n > opts.max) throw new Error(`${name} must be at most ${opts.max}, got "${raw}"`);
  return n;
}

export const log = (msg: string) => console.error(`[bench registry ${new Date().toISOString().slice(11, 19)}] ${msg}`);

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

/** Nearest-rank percentile of an unsorted list (p in 0..100). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1]!;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function latency(xs: readonly number[]): Latency {
  return {
    n: xs.length,
    p50: percentile(xs, 50),
    p95: percentile(xs, 95),
    p99: percentile(xs, 99),
    mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN,
  };
}

export const median = (xs: readonly number[]) => percentile(xs, 50);
export const now = () => performance.now();

/** Rounds for a table; small non-zero values keep two significant digits instead of showing as 0. */
export const fmt = (x: number, digits = 0) => {
  if (!Number.isFinite(x)) return "–";
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  if (x !== 0 && Math.abs(r) < 10 ** (1 - digits) && Math.abs(x) < 10) return String(Number(x.toPrecision(2)));
  return String(r);
};
