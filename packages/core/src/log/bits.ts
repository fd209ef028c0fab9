/**
 * Integer helpers for tree sizes and indexes. JavaScript's bitwise operators
 * work on 32 bits, while a log may outgrow 2^32 entries, so these use exact
 * arithmetic on safe integers (up to 2^53 - 1) instead of `>>`, `&` and `^`.
 * Internal to the log module.
 */

/** Whether `n` is an integer in [0, 2^53 - 1]. */
export function isSafeNonNegativeInteger(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** floor(n / 2). */
export function half(n: number): number {
  return Math.floor(n / 2);
}

/** Whether n is odd (the least significant bit of n is set). */
export function isOdd(n: number): boolean {
  return n % 2 === 1;
}

/** Whether n > 0 is an exact power of two. */
export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/**
 * The largest power of two strictly smaller than n, for n > 1: the split point
 * k of RFC 9162 §2.1.1 ("the largest power of two smaller than n").
 */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The largest power of two that is at most n, for n >= 1. */
export function largestPowerOfTwoAtMost(n: number): number {
  let k = 1;
  while (k * 2 <= n) k *= 2;
  return k;
}

/** log2 of a power of two. */
export function log2(powerOfTwo: number): number {
  let l = 0;
  while (powerOfTwo > 1) {
    powerOfTwo /= 2;
    l++;
  }
  return l;
}

/** 2^e for 0 <= e <= 53, exactly. */
export function pow2(e: number): number {
  return 2 ** e;
}

/** Number of set bits of n: the number of peaks of a tree of n leaves. */
export function popCount(n: number): number {
  let count = 0;
  for (const digit of n.toString(2)) if (digit === "1") count++;
  return count;
}
