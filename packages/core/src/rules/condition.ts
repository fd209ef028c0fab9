import { placeWithin } from "./jurisdictions.js";
import type { Condition, FactPath } from "./types.js";

/** Three-valued truth: 0 false, 1 true, 2 unknown (Kleene logic). */
export type Tri = 0 | 1 | 2;
export const FALSE: Tri = 0;
export const TRUE: Tri = 1;
export const UNKNOWN: Tri = 2;

export type CompiledCondition = (profile: object) => Tri;

/** One profile fact a result rests on: what was tested, what the profile says, and the outcome. */
export interface FactTrace {
  fact: FactPath;
  test: string;
  /** The profile's value; absent when the fact is unknown. */
  value?: unknown;
  result: "true" | "false" | "unknown";
}

type Getter = (profile: object) => unknown;

function getter(path: string): Getter {
  const parts = path.split(".");
  if (parts.length === 1) {
    const [a] = parts as [string];
    return (p) => (p as Record<string, unknown>)[a];
  }
  const [a, b] = parts as [string, string];
  return (p) => ((p as Record<string, Record<string, unknown> | undefined>)[a] ?? undefined)?.[b];
}

function leafTest(c: Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>): {
  test: string;
  check: (value: unknown) => boolean;
} {
  if ("is" in c) return { test: `is ${c.is}`, check: (v) => v === c.is };
  if ("includes" in c) return { test: `includes ${c.includes}`, check: (v) => (v as unknown[]).includes(c.includes) };
  if ("includesAny" in c) {
    const wanted = c.includesAny;
    return {
      test: `includes any of ${wanted.join(", ")}`,
      check: (v) => (v as string[]).some((x) => wanted.includes(x)),
    };
  }
  if ("gte" in c) return { test: `≥ ${c.gte}`, check: (v) => (v as number) >= c.gte };
  if ("gt" in c) return { test: `> ${c.gt}`, check: (v) => (v as number) > c.gt };
  if ("lt" in c) return { test: `< ${c.lt}`, check: (v) => (v as number) < c.lt };
  const j = c.inJurisdiction;
  return { test: `within ${j}`, check: (v) => (v as string[]).some((place) => placeWithin(place, j)) };
}

function isPresent(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** Compiles a condition into a fast three-valued evaluator. */
export function compileCondition(c: Condition): CompiledCondition {
  if ("all" in c) {
    const parts = c.all.map(compileCondition);
    return (p) => {
      let result: Tri = TRUE;
      for (const part of parts) {
        const v = part(p);
        if (v === FALSE) return FALSE;
        if (v === UNKNOWN) result = UNKNOWN;
      }
      return result;
    };
  }
  if ("any" in c) {
    const parts = c.any.map(compileCondition);
    return (p) => {
      let result: Tri = FALSE;
      for (const part of parts) {
        const v = part(p);
        if (v === TRUE) return TRUE;
        if (v === UNKNOWN) result = UNKNOWN;
      }
      return result;
    };
  }
  if ("not" in c) {
    const inner = compileCondition(c.not);
    return (p) => {
      const v = inner(p);
      return v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE;
    };
  }
  const get = getter(c.fact);
  const { check } = leafTest(c);
  return (p) => {
    const v = get(p);
    if (!isPresent(v)) return UNKNOWN;
    return check(v) ? TRUE : FALSE;
  };
}

const WORD = ["false", "true", "unknown"] as const;

/**
 * Evaluates a condition and returns the facts that decided it: for a true `all`, every part;
 * for a false `all`, the false parts; for a true `any`, the true parts; and so on.
 */
export function explainCondition(c: Condition, profile: object): { value: Tri; trace: FactTrace[] } {
  if ("all" in c || "any" in c) {
    const isAll = "all" in c;
    const parts = (isAll ? c.all : c.any).map((part) => explainCondition(part, profile));
    const decisive: Tri = isAll ? FALSE : TRUE;
    const value: Tri = parts.some((x) => x.value === decisive)
      ? decisive
      : parts.some((x) => x.value === UNKNOWN)
        ? UNKNOWN
        : isAll
          ? TRUE
          : FALSE;
    const picked =
      value === UNKNOWN
        ? parts.filter((x) => x.value === UNKNOWN)
        : value === decisive
          ? parts.filter((x) => x.value === decisive)
          : parts;
    return { value, trace: picked.flatMap((x) => x.trace) };
  }
  if ("not" in c) {
    const inner = explainCondition(c.not, profile);
    const value: Tri = inner.value === UNKNOWN ? UNKNOWN : inner.value === TRUE ? FALSE : TRUE;
    // The leaves keep their own outcome: "functions includes profiling: true" explains why
    // "not profiling" failed.
    return { value, trace: inner.trace };
  }
  const v = getter(c.fact)(profile);
  const { test, check } = leafTest(c);
  const value: Tri = !isPresent(v) ? UNKNOWN : check(v) ? TRUE : FALSE;
  const trace: FactTrace = { fact: c.fact, test, result: WORD[value] };
  if (isPresent(v)) trace.value = v;
  return { value, trace: [trace] };
}

export interface Explained {
  value: Tri;
  trace: FactTrace[];
}

/**
 * Compiles a condition into an explainer: the same value as compileCondition, plus the facts that
 * decided it (as explainCondition gives), with getters and test texts prepared once.
 */
export function compileExplainer(c: Condition): (profile: object) => Explained {
  if ("all" in c || "any" in c) {
    const isAll = "all" in c;
    const parts = (isAll ? c.all : c.any).map(compileExplainer);
    const decisive: Tri = isAll ? FALSE : TRUE;
    return (p) => {
      const results = parts.map((part) => part(p));
      let value: Tri = isAll ? TRUE : FALSE;
      if (results.some((x) => x.value === decisive)) value = decisive;
      else if (results.some((x) => x.value === UNKNOWN)) value = UNKNOWN;
      const keep = value === UNKNOWN ? UNKNOWN : value === decisive ? decisive : null;
      const trace: FactTrace[] = [];
      for (const x of results) if (keep === null || x.value === keep) trace.push(...x.trace);
      return { value, trace };
    };
  }
  if ("not" in c) {
    const inner = compileExplainer(c.not);
    return (p) => {
      const x = inner(p);
      return { value: x.value === UNKNOWN ? UNKNOWN : x.value === TRUE ? FALSE : TRUE, trace: x.trace };
    };
  }
  const get = getter(c.fact);
  const { test, check } = leafTest(c);
  const fact = c.fact;
  return (p) => {
    const v = get(p);
    if (!isPresent(v)) return { value: UNKNOWN, trace: [{ fact, test, result: "unknown" }] };
    const value: Tri = check(v) ? TRUE : FALSE;
    return { value, trace: [{ fact, test, value: v, result: WORD[value] }] };
  };
}
