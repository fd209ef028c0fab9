import {
  type Actor,
  authorize,
  ensure,
  forbidden,
  notFound,
  projectDocument,
  registryPolicy,
  type SystemDocument,
  unauthenticated,
  viewerLevel,
} from "@concordia/core";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import type { RequestContext } from "../../platform/context.js";
import { registrySystems } from "./tables.js";

export type SystemRow = typeof registrySystems.$inferSelect;

/** The system if the caller may see it at all: published ones to everyone, others to owners and the secretariat (else 404, so drafts do not leak). */
export async function visibleSystem(
  db: Db | Tx,
  ctx: RequestContext,
  id: string,
  opts: { forUpdate?: boolean; write?: boolean } = {},
): Promise<SystemRow> {
  // A change asks who is asking first: the public gets 401 rather than a 404.
  if (opts.write && ctx.actor.userId === null) throw unauthenticated();
  const query = db.select().from(registrySystems).where(eq(registrySystems.id, id));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound(`System ${id}`);
  const level = viewerLevel(ctx.actor, row.organizationId);
  if (row.status !== "published" && row.status !== "withdrawn" && level !== "owner" && level !== "secretariat") {
    throw notFound(`System ${id}`);
  }
  return row;
}

export function projectFor(actor: Actor, row: SystemRow): { document: Partial<SystemDocument>; hidden: string[] } {
  return projectDocument(row.document, viewerLevel(actor, row.organizationId));
}

/** Throws 401/403 unless the policy allows the action on the system's organization (core's ensure). */
export function ensureOn(action: keyof typeof registryPolicy, ctx: RequestContext, organizationId: string) {
  ensure(registryPolicy, action, ctx.actor, { organizationId });
}

/** Risk registers and assessments: the organization's providers, auditors and delegates, the secretariat, and any auditor. */
export function ensureReadRisks(ctx: RequestContext, organizationId: string) {
  const decision = authorize(registryPolicy, "readRisks", ctx.actor, { organizationId });
  if (decision === "allow" || authorize(registryPolicy, "readAllRisks", ctx.actor) === "allow") return;
  if (decision === "unauthenticated") throw unauthenticated();
  throw forbidden("The risk register is visible to the provider's organization, auditors and the secretariat.");
}
