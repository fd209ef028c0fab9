import type { RouteQuery } from "@concordia/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { useJurisdictionLabel } from "./format";

/** Query keys of the rules module. The library is public: answers do not depend on who is signed in. */
export const rulesKeys = {
  all: ["rules"] as const,
  instruments: (query: RouteQuery<"listInstruments">) => ["rules", "instruments", query] as const,
  jurisdictions: ["rules", "jurisdictions"] as const,
  instrument: (id: string, version?: string) => ["rules", "instrument", id, version ?? null] as const,
  versions: (id: string) => ["rules", "instrument", id, "versions"] as const,
  diff: (id: string, from: string, to: string) => ["rules", "instrument", id, "diff", from, to] as const,
  requirement: (id: string, requirementId: string) => ["rules", "requirement", id, requirementId] as const,
  requirementSearch: (query: RouteQuery<"searchRequirements">) => ["rules", "requirements", query] as const,
};

export const publicMeta = { sessionIndependent: true } as const;

export function useInstruments(query: RouteQuery<"listInstruments">) {
  const call = useApi();
  return useQuery({
    queryKey: rulesKeys.instruments(query),
    queryFn: () => call("listInstruments", { query }),
    placeholderData: keepPreviousData,
    meta: publicMeta,
  });
}

/**
 * The jurisdictions that have at least one instrument, sorted by their name in the current language.
 * (There is no facet endpoint: read from the first 200 instruments.)
 */
export function useJurisdictionOptions(selected?: string) {
  const call = useApi();
  const label = useJurisdictionLabel();
  const { compare } = useFormat();
  const query = useQuery({
    queryKey: rulesKeys.jurisdictions,
    queryFn: () => call("listInstruments", { query: { page: 1, pageSize: 200 } }),
    meta: publicMeta,
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const codes = new Set((query.data?.items ?? []).map((i) => i.jurisdiction));
    if (selected) codes.add(selected);
    return [...codes].map((code) => ({ value: code, label: label(code) })).sort((a, b) => compare(a.label, b.label));
  }, [query.data, selected, label, compare]);
  return { ...query, options };
}

export function useInstrument(id: string, version?: string) {
  const call = useApi();
  return useQuery({
    queryKey: rulesKeys.instrument(id, version),
    queryFn: () => call("getInstrument", { params: { id }, query: version ? { version } : {} }),
    meta: publicMeta,
  });
}

export function useInstrumentVersions(id: string) {
  const call = useApi();
  return useQuery({
    queryKey: rulesKeys.versions(id),
    queryFn: () => call("listInstrumentVersions", { params: { id } }),
    meta: publicMeta,
  });
}

export function useInstrumentDiff(id: string, from: string | undefined, to: string | undefined) {
  const call = useApi();
  return useQuery({
    queryKey: rulesKeys.diff(id, from ?? "", to ?? ""),
    queryFn: () => call("diffInstrumentVersions", { params: { id }, query: { from: from ?? "", to: to ?? "" } }),
    enabled: !!from && !!to && from !== to,
    meta: publicMeta,
    staleTime: Number.POSITIVE_INFINITY, // published versions never change
  });
}

export function useRequirement(id: string, requirementId: string) {
  const call = useApi();
  return useQuery({
    queryKey: rulesKeys.requirement(id, requirementId),
    queryFn: () => call("getRequirement", { params: { id, requirementId } }),
    meta: publicMeta,
  });
}

export function useRequirementSearch(query: RouteQuery<"searchRequirements">) {
  const call = useApi();
  return useQuery({
    queryKey: rulesKeys.requirementSearch(query),
    queryFn: () => call("searchRequirements", { query }),
    enabled: query.q.trim() !== "",
    placeholderData: keepPreviousData,
    meta: publicMeta,
  });
}
