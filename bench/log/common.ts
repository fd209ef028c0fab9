/** Helpers of the transparency-log benchmark (the shared ones come from ../lib/common.ts). */
import { now, percentile, progressLog } from "../lib/common.js";

export { cleanup, fmt, now, onCleanup, percentile, rng, setting } from "../lib/common.js";

export const log = progressLog("log");

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
