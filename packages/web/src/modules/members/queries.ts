import type { RouteQuery } from "@concordia/contracts";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";

/** Query keys of the members module, so mutations know what to refresh. */
export const membersKeys = {
  countries: ["members", "countries"] as const,
  states: ["members", "states"] as const,
  organizations: (query: RouteQuery<"listOrganizations"> = {}) => ["members", "organizations", query] as const,
  organizationsAll: ["members", "organizations"] as const,
  organization: (id: string) => ["members", "organization", id] as const,
  organizationPeople: (id: string) => ["members", "organization", id, "people"] as const,
};

/** ISO countries, sorted by their name in the current language. */
export function useCountries() {
  const call = useApi();
  const f = useFormat();
  const query = useQuery({
    queryKey: membersKeys.countries,
    queryFn: () => call("listCountries"),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const sorted = useMemo(
    () => [...(query.data?.items ?? [])].sort((a, b) => f.compare(f.countryName(a.names), f.countryName(b.names))),
    [query.data, f],
  );
  const byCode = useMemo(() => new Map(sorted.map((c) => [c.code, c])), [sorted]);
  return { ...query, countries: sorted, byCode };
}

/** Member and observer states, sorted by their name in the current language. */
export function useMemberStates() {
  const call = useApi();
  const f = useFormat();
  const query = useQuery({ queryKey: membersKeys.states, queryFn: () => call("listMemberStates") });
  const sorted = useMemo(
    () => [...(query.data?.items ?? [])].sort((a, b) => f.compare(f.countryName(a.names), f.countryName(b.names))),
    [query.data, f],
  );
  return { ...query, states: sorted };
}
