import { forbidden, unauthenticated } from "../errors/domain-error.js";
import type { Role } from "../members/roles.js";
import { type Actor, hasRole, isSecretariat, isSignedIn } from "./actor.js";

/**
 * A declarative rule: who may perform an action. Rules are data, so the
 * whole table can be listed, documented and tested as a matrix.
 *
 * - "public": anyone, signed in or not
 * - "signed_in": any signed-in person
 * - "secretariat": secretariat administrators
 * - { anyRole }: a person holding one of these roles in any organization
 * - { orgRole }: a person holding one of these roles in the organization the
 *   resource belongs to (the resource's organizationId), or the secretariat
 * - "self": the person the resource belongs to (resource.userId), or the secretariat
 */
export type Rule =
  | "public"
  | "signed_in"
  | "secretariat"
  | "self"
  | { anyRole: readonly Role[] }
  | { orgRole: readonly Role[] };

export interface ResourceScope {
  organizationId?: string;
  userId?: string;
}

export type Decision = "allow" | "unauthenticated" | "forbidden";

export function evaluateRule(rule: Rule, actor: Actor, scope: ResourceScope = {}): Decision {
  if (rule === "public") return "allow";
  if (!isSignedIn(actor)) return "unauthenticated";
  if (isSecretariat(actor)) return "allow";
  if (rule === "signed_in") return "allow";
  if (rule === "secretariat") return "forbidden";
  if (rule === "self") return scope.userId !== undefined && scope.userId === actor.userId ? "allow" : "forbidden";
  if ("anyRole" in rule) return rule.anyRole.some((r) => hasRole(actor, r)) ? "allow" : "forbidden";
  const orgId = scope.organizationId;
  if (orgId === undefined) return "forbidden";
  return rule.orgRole.some((r) => hasRole(actor, r, orgId)) ? "allow" : "forbidden";
}

/** A policy: one rule per action on one kind of resource. */
export type Policy<A extends string> = Readonly<Record<A, Rule>>;

export function authorize<A extends string>(
  policy: Policy<A>,
  action: A,
  actor: Actor,
  scope?: ResourceScope,
): Decision {
  return evaluateRule(policy[action], actor, scope);
}

/**
 * The one access check every service starts with: throws a domain error unless the policy
 * allows the action (unauthenticated for the public, forbidden otherwise).
 */
export function ensure<A extends string>(
  policy: Policy<A>,
  action: A,
  actor: Actor,
  scope?: ResourceScope,
  detail?: string,
): void {
  const decision = authorize(policy, action, actor, scope);
  if (decision === "unauthenticated") throw unauthenticated();
  if (decision === "forbidden") throw forbidden(detail);
}

/**
 * What the caller may do with one resource, from the policy table: every action mapped to
 * allowed or not. Answers carry it as `can`, so pages show exactly the actions the server
 * would accept instead of recomputing them from roles (outline's presentPolicies).
 */
export function abilities<A extends string>(
  policy: Policy<A>,
  actor: Actor,
  scope?: ResourceScope,
): Record<A, boolean> {
  const out = {} as Record<A, boolean>;
  for (const action of Object.keys(policy) as A[]) out[action] = authorize(policy, action, actor, scope) === "allow";
  return out;
}
