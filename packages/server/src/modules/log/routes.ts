import { createHash } from "node:crypto";
import { notarizationPolicy, witnessPolicy } from "@concordia/core";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { recordAudit } from "../../platform/audit/service.js";
import { users } from "../../platform/auth/tables.js";
import type { Deps } from "../../platform/context.js";
import { defineRoute, ensure } from "../../platform/http/route.js";
import * as log from "./log.service.js";
import { appendRecord } from "./records.js";
import { tileRoutes } from "./tiles.routes.js";
import * as witnesses from "./witnesses.service.js";

export function logRoutes(app: FastifyInstance, deps: Deps) {
  const db = deps.database.db;
  const identity = deps.log.identity;
  tileRoutes(app, deps);

  defineRoute(app, "logInfo", async () => log.logInfo(db, identity));
  defineRoute(app, "listLogEntries", async ({ query }) => log.listEntries(db, query));
  defineRoute(app, "getLogEntry", async ({ params }) => log.getEntry(db, params.index));
  defineRoute(app, "getReceipt", async ({ params }) => log.receipt(db, identity, params.index));
  defineRoute(app, "inclusionProof", async ({ query }) => log.inclusionProof(db, query));
  defineRoute(app, "consistencyProof", async ({ query }) => log.consistencyProof(db, query.from, query.to));
  defineRoute(app, "listCheckpoints", async ({ query }) => log.listCheckpoints(db, query));

  defineRoute(app, "notarize", async ({ body, ctx }) => {
    ensure(notarizationPolicy, "create", ctx);
    const sha256 = body.sha256 ?? createHash("sha256").update(Buffer.from(body.contentBase64!, "base64")).digest("hex");
    const seq = await db.transaction(async (tx) => {
      const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor.userId!));
      const seq = await appendRecord(tx, "notarization", {
        title: body.title,
        description: body.description,
        fileName: body.fileName ?? null,
        sha256,
        notarizedBy: { userId: ctx.actor.userId, name: me?.name ?? null },
        notarizedAt: new Date().toISOString(),
      });
      await recordAudit(tx, ctx, {
        action: "log.notarize",
        resourceType: "log_entry",
        resourceIds: [String(seq)],
        details: { sha256, title: body.title },
      });
      return seq;
    });
    const index = await deps.log.awaitIndex(seq);
    return log.receipt(db, identity, index);
  });

  defineRoute(app, "listWitnesses", async () => witnesses.listWitnesses(db));
  defineRoute(app, "registerWitness", async ({ body, ctx }) => {
    ensure(witnessPolicy, "register", ctx);
    return witnesses.registerWitness(db, ctx, body);
  });
  defineRoute(app, "removeWitness", async ({ params, ctx }) => {
    ensure(witnessPolicy, "remove", ctx);
    await witnesses.removeWitness(db, ctx, params.id);
    return null;
  });
  defineRoute(app, "submitCosignature", async ({ body, ctx }) => witnesses.submitCosignature(db, ctx, body), {
    rateLimitPerMinute: 600,
  });
}
