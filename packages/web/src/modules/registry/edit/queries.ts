import { ApiError } from "@concordia/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useApi } from "../../../app/api";
import { registryKeys } from "../queries";

export function useTaxonomies() {
  const call = useApi();
  return useQuery({
    queryKey: registryKeys.taxonomies,
    queryFn: () => call("riskTaxonomies"),
    staleTime: 60 * 60_000,
    meta: { sessionIndependent: true },
  });
}

/** Refreshes every answer of the register (lists, system pages, panels). */
export function useRefreshRegistry() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: registryKeys.all }), [queryClient]);
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
