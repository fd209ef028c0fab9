import type { Role } from "../members/roles.js";

/** One role held in one organization. */
export interface RoleGrant {
  role: Role;
  organizationId: string;
}

/**
 * Who is acting. `null` userId means the public (not signed in).
 * Built by the server from a session cookie or an API token; pure data here.
 */
export interface Actor {
  userId: string | null;
  emailVerified: boolean;
  grants: readonly RoleGrant[];
}

export const PUBLIC_ACTOR: Actor = Object.freeze({ userId: null, emailVerified: false, grants: [] });

export function isSignedIn(actor: Actor): boolean {
  return actor.userId !== null;
}

export function hasRole(actor: Actor, role: Role, organizationId?: string): boolean {
  return actor.grants.some(
    (g) => g.role === role && (organizationId === undefined || g.organizationId === organizationId),
  );
}

export function isSecretariat(actor: Actor): boolean {
  return hasRole(actor, "secretariat_admin");
}
