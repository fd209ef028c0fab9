import type { RouteQuery } from "@concordia/contracts";

export const adminKeys = {
  people: (query: RouteQuery<"listPeople">) => ["admin", "people", query] as const,
  peopleAll: ["admin", "people"] as const,
  invitations: (query: RouteQuery<"listInvitations">) => ["admin", "invitations", query] as const,
  invitationsAll: ["admin", "invitations"] as const,
  audit: (query: RouteQuery<"listAuditEvents">) => ["admin", "audit", query] as const,
  outbox: (query: RouteQuery<"listOutbox">) => ["admin", "outbox", query] as const,
};
