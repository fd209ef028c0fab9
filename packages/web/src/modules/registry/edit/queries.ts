import { ApiError, type RouteQuery } from "@concordia/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useApi } from "../../app/api";

/**
 * Query keys of the register's editing pages. They sit under "registry", like the public register's
 * keys, so that a change here refreshes whatever the system page shows.
 */
export const editKeys = {
  all: ["registry"] as const,
  system: (id: string) => ["registry", "edit", "system", id] as const,
  risks: (id: string) => ["registry", "edit", "risks", id] as const,
  riskHistory: (riskId: string) => ["registry", "edit", "risk-history", riskId] as const,
  taxonomies: ["registry", "edit", "taxonomies"] as const,
  assessments: (id: string) => ["registry", "edit", "assessments", id] as const,
  assessment: (id: string) => ["registry", "edit", "assessment", id] as const,
  queue: (query: RouteQuery<"searchSystems">) => ["registry", "edit", "queue", query] as const,
};

export function useSystem(id: string | undefined) {
  const call = useApi();
  return useQuery({
    queryKey: editKeys.system(id ?? ""),
    queryFn: () => call("getSystem", { params: { id: id! } }),
    enabled: !!id,
  });
}

export function useTaxonomies() {
  const call = useApi();
  return useQuery({
    queryKey: editKeys.taxonomies,
    queryFn: () => call("riskTaxonomies"),
    staleTime: 60 * 60_000,
    meta: { sessionIndependent: true },
  });
}

/** Refreshes every answer of the register (lists, system pages, panels). */
export function useRefreshRegistry() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: editKeys.all }), [queryClient]);
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
