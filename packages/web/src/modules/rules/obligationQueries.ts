import type { SystemProfile } from "@concordia/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useApi } from "../../app/api";
import { DEFAULT_HOPS } from "./obligationTypes";

/**
 * Query keys and queries of the obligation finder, crosswalk explorer and gap analysis. All of
 * them read public reference data: what they show does not depend on who is signed in.
 */
export const obligationsKeys = {
  evaluate: (profile: SystemProfile, asOf: string | undefined) => ["obligations", "evaluate", profile, asOf] as const,
  complyOnce: (profile: SystemProfile, asOf: string | undefined) =>
    ["obligations", "comply-once", profile, asOf] as const,
  crosswalks: ["crosswalks", "list"] as const,
  coverage: (maxHops: number) => ["crosswalks", "coverage", maxHops] as const,
  pairs: (source: string, target: string, maxHops: number) => ["crosswalks", "pairs", source, target, maxHops] as const,
  gap: (covering: string, target: string, maxHops: number) => ["gap", covering, target, maxHops] as const,
  instruments: ["obligations", "instruments"] as const,
};

const publicMeta = { sessionIndependent: true } as const;
/** Reference data changes only when the secretariat publishes: keep answers for a minute. */
const STALE = 60_000;

/** Every instrument's obligations for a profile (not-applicable ones too, for the status filter). */
export function useEvaluation(profile: SystemProfile, asOf: string | undefined, enabled = true) {
  const call = useApi();
  return useQuery({
    queryKey: obligationsKeys.evaluate(profile, asOf),
    queryFn: () => call("evaluateObligations", { body: { profile, asOf, includeNotApplicable: true } }),
    enabled,
    staleTime: STALE,
    placeholderData: keepPreviousData,
    meta: publicMeta,
  });
}

/** The deduplicated checklist across jurisdictions. */
export function useComplyOnce(profile: SystemProfile, asOf: string | undefined, enabled = true) {
  const call = useApi();
  return useQuery({
    queryKey: obligationsKeys.complyOnce(profile, asOf),
    queryFn: () => call("complyOnce", { body: { profile, asOf } }),
    enabled,
    staleTime: STALE,
    meta: publicMeta,
  });
}

export function useCrosswalkList() {
  const call = useApi();
  return useQuery({
    queryKey: obligationsKeys.crosswalks,
    queryFn: () => call("listCrosswalks"),
    staleTime: STALE,
    meta: publicMeta,
  });
}

export function useCoverage(maxHops = DEFAULT_HOPS) {
  const call = useApi();
  return useQuery({
    queryKey: obligationsKeys.coverage(maxHops),
    queryFn: () => call("crosswalkCoverage", { query: { maxHops } }),
    staleTime: STALE,
    placeholderData: keepPreviousData,
    meta: publicMeta,
  });
}

export function usePairs(source: string | undefined, target: string | undefined, maxHops = DEFAULT_HOPS) {
  const call = useApi();
  return useQuery({
    queryKey: obligationsKeys.pairs(source ?? "", target ?? "", maxHops),
    queryFn: () => call("crosswalkPairs", { query: { source: source ?? "", target: target ?? "", maxHops } }),
    enabled: !!source && !!target,
    staleTime: STALE,
    meta: publicMeta,
  });
}

export function useGap(covering: string | undefined, target: string | undefined, maxHops = DEFAULT_HOPS) {
  const call = useApi();
  return useQuery({
    queryKey: obligationsKeys.gap(covering ?? "", target ?? "", maxHops),
    queryFn: () => call("gapAnalysis", { query: { covering: covering ?? "", target: target ?? "", maxHops } }),
    enabled: !!covering && !!target && covering !== target,
    staleTime: STALE,
    placeholderData: keepPreviousData,
    meta: publicMeta,
  });
}

/** The current instruments (one page of up to 200, enough for the pickers), for selects. */
export function useInstrumentOptions() {
  const call = useApi();
  return useQuery({
    queryKey: obligationsKeys.instruments,
    queryFn: () => call("listInstruments", { query: { page: 1, pageSize: 200 } }),
    staleTime: STALE,
    meta: publicMeta,
  });
}
