import { ApiError, type RouteQuery } from "@concordia/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useApi } from "../../app/api";
import { exportUrl, type RegistryFilters } from "./model";

/**
 * Query keys of the register, its system pages and its editing pages: all under "registry", so
 * that a change anywhere refreshes whatever shows it. What a system page or a search shows
 * depends on who is signed in (visibility, drafts, "mine"), so only the statistics of published
 * systems are public.
 */
export const registryKeys = {
  all: ["registry"] as const,
  search: (query: RouteQuery<"searchSystems">) => ["registry", "search", query] as const,
  stats: ["registry", "stats"] as const,
  /** One system as `getSystem` answers it: the system page and the editor share it. */
  system: (id: string) => ["registry", "system", id] as const,
  systemPart: (id: string, part: string) => ["registry", "system", id, part] as const,
  risks: (id: string) => ["registry", "edit", "risks", id] as const,
  riskHistory: (riskId: string) => ["registry", "edit", "risk-history", riskId] as const,
  taxonomies: ["registry", "edit", "taxonomies"] as const,
  assessments: (id: string) => ["registry", "edit", "assessments", id] as const,
  assessment: (id: string) => ["registry", "edit", "assessment", id] as const,
  queue: (query: RouteQuery<"searchSystems">) => ["registry", "edit", "queue", query] as const,
};

export const publicMeta = { sessionIndependent: true } as const;

export function useSystemSearch(query: RouteQuery<"searchSystems">, enabled = true) {
  const call = useApi();
  return useQuery({
    queryKey: registryKeys.search(query),
    queryFn: () => call("searchSystems", { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRegistryStats() {
  const call = useApi();
  return useQuery({
    queryKey: registryKeys.stats,
    queryFn: () => call("registryStats"),
    meta: publicMeta,
    staleTime: 60_000,
  });
}

/** One system; waits while `id` is not known yet (an assessment's system, say). */
export function useSystem(id: string | undefined) {
  const call = useApi();
  return useQuery({
    queryKey: registryKeys.system(id ?? ""),
    queryFn: () => call("getSystem", { params: { id: id! } }),
    enabled: !!id,
  });
}

export function useSystemObligations(id: string) {
  const call = useApi();
  return useQuery({
    queryKey: registryKeys.systemPart(id, "obligations"),
    queryFn: () => call("systemObligations", { params: { id } }),
  });
}

export function useClassificationHistory(id: string) {
  const call = useApi();
  return useQuery({
    queryKey: registryKeys.systemPart(id, "classifications"),
    queryFn: () => call("systemClassifications", { params: { id } }),
  });
}

export function useSystemVersions(id: string) {
  const call = useApi();
  return useQuery({
    queryKey: registryKeys.systemPart(id, "versions"),
    queryFn: () => call("listSystemVersions", { params: { id } }),
  });
}

export type FieldSetKind = "cyclonedx" | "eu-annex-viii" | "uk-atrs";
const FIELD_SET_ROUTES = {
  cyclonedx: "exportCycloneDx",
  "eu-annex-viii": "exportAnnexViii",
  "uk-atrs": "exportAtrs",
} as const;

export function useSystemExport(id: string, kind: FieldSetKind) {
  const call = useApi();
  return useQuery({
    queryKey: registryKeys.systemPart(id, `export-${kind}`),
    queryFn: () => call(FIELD_SET_ROUTES[kind], { params: { id } }),
  });
}

/**
 * The register export as text. The export endpoint answers CSV or a JSON array as a file, which
 * the typed client (JSON only) does not read, so it is fetched directly with the session cookie.
 */
export async function fetchRegisterExport(format: "csv" | "json", filters: RegistryFilters): Promise<string> {
  const res = await fetch(exportUrl(format, filters), {
    credentials: "same-origin",
    headers: { accept: format === "csv" ? "text/csv, application/problem+json" : "application/json" },
  });
  const text = await res.text();
  if (!res.ok) {
    let problem = { type: "about:blank", title: res.statusText, status: res.status };
    try {
      problem = JSON.parse(text);
    } catch {
      // not a problem document: keep the status line
    }
    throw new ApiError(res.status, problem);
  }
  return text;
}
