/** Helpers shared by the benchmarks: settings, progress log, cleanup, PRNG, percentiles, formatting. */
import { performance } from "node:perf_hooks";

/** A numeric setting from the environment, with its default and bounds. */
export function setting(name: string, fallback: number, opts: { min?: number; max?: number } = {}): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  const min = opts.min ?? 1;
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  if (opts.max !== undefined && n > opts.max) throw new Error(`${name} must be at most ${opts.max}, got "${raw}"`);
  return n;
}

/** A progress log to stderr, stamped with the benchmark's name and the time. */
export const progressLog = (bench: string) => (msg: string) =>
  console.error(`[bench ${bench} ${new Date().toISOString().slice(11, 19)}] ${msg}`);

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

/** Deterministic PRNG (mulberry32): the same data and queries on every run. */
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

export const now = () => performance.now();

/** Rounds for a table; small non-zero values keep two significant digits instead of showing as 0. */
export const fmt = (x: number, digits = 0) => {
  if (!Number.isFinite(x)) return "–";
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  if (x !== 0 && Math.abs(r) < 10 ** (1 - digits) && Math.abs(x) < 10) return String(Number(x.toPrecision(2)));
  return String(r);
};
