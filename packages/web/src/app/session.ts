import { NO_ABILITIES, type SessionView, type UserView } from "@concordia/contracts";
import type { Role } from "@concordia/core";
import { type Query, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { api, rememberCsrfToken, sessionUnavailable } from "./api";

export const sessionQueryKey = ["session"] as const;

async function fetchSession(): Promise<SessionView> {
  try {
    const session = await api("session");
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    sessionUnavailable();
    throw error;
  }
}

export interface Session {
  user: UserView | null;
  /** True until the first answer of GET /auth/session. */
  loading: boolean;
  error: unknown;
  isSecretariat: boolean;
  /** What the signed-in person may do anywhere, from the server's policy tables (`SessionView.can`). */
  can: SessionView["can"];
  hasRole: (role: Role, organizationId?: string) => boolean;
  /** Store the answer of sign-in or accept-invitation (sign-up answers 202 without a session). */
  adopt: (session: SessionView) => void;
  signOut: () => Promise<void>;
  refresh: () => Promise<unknown>;
}

export function useSession(): Session {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000, retry: 1 });
  const user = query.data?.user ?? null;
  const can = query.data?.can ?? NO_ABILITIES;

  const adopt = useCallback(
    (session: SessionView) => {
      rememberCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQueryKey, session);
      // What a visitor may see depends on who they are: forget cached answers
      // and refresh the ones on screen, except those marked as not depending on it.
      const dependsOnSession = (q: Query) => q.queryKey[0] !== sessionQueryKey[0] && !q.meta?.sessionIndependent;
      queryClient.removeQueries({ predicate: (q) => dependsOnSession(q) && !q.isActive() });
      void queryClient.invalidateQueries({ predicate: dependsOnSession });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api("signOut");
    } finally {
      adopt({ user: null, csrfToken: null, can: NO_ABILITIES });
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    }
  }, [adopt, queryClient]);

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: sessionQueryKey }), [queryClient]);

  return useMemo(() => {
    const hasRole = (role: Role, organizationId?: string) =>
      !!user?.roles.some(
        (g) => g.role === role && (organizationId === undefined || g.organizationId === organizationId),
      );
    return {
      user,
      loading: query.isPending,
      error: query.error,
      isSecretariat: hasRole("secretariat_admin"),
      can,
      hasRole,
      adopt,
      signOut,
      refresh,
    };
  }, [user, can, query.isPending, query.error, adopt, signOut, refresh]);
}
