import type { RouteQuery } from "@concordia/contracts";
import { useQuery } from "@tanstack/react-query";
import { useApi } from "../../app/api";

/** Query keys of the log module. The log is public: what it shows does not depend on who is signed in. */
export const logKeys = {
  all: ["log"] as const,
  info: ["log", "info"] as const,
  entries: (query: RouteQuery<"listLogEntries">) => ["log", "entries", query] as const,
  entry: (index: number) => ["log", "entry", index] as const,
  receipt: (index: number) => ["log", "receipt", index] as const,
  checkpoints: (query: RouteQuery<"listCheckpoints">) => ["log", "checkpoints", query] as const,
  witnesses: ["log", "witnesses"] as const,
  consistency: (from: number, to: number) => ["log", "consistency", from, to] as const,
};

export const publicMeta = { sessionIndependent: true } as const;

/** Origin, verifier key, size and latest checkpoint of the log. */
export function useLogInfo() {
  const call = useApi();
  return useQuery({ queryKey: logKeys.info, queryFn: () => call("logInfo"), meta: publicMeta });
}

/** The member-state witnesses and the last tree size each cosigned. */
export function useWitnesses() {
  const call = useApi();
  return useQuery({ queryKey: logKeys.witnesses, queryFn: () => call("listWitnesses"), meta: publicMeta });
}
