/** Helpers of the registry benchmark (the shared ones come from ../lib/common.ts). */
import { percentile, progressLog } from "../lib/common.js";

export { cleanup, fmt, now, onCleanup, setting } from "../lib/common.js";

export const log = progressLog("registry");

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
