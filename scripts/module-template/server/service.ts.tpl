import { randomUUID } from "node:crypto";
import { abilities, ensure, invalid } from "@concordia/core";
import { __camel__Policy } from "@concordia/core/__name__";
import { count, desc } from "drizzle-orm";
import type { Call } from "../../deps.js";
import { recordAudit } from "../../platform/audit/service.js";
import { organizationName } from "../members/queries.js";
import { __camel__Items } from "./tables.js";

type Row = typeof __camel__Items.$inferSelect;
const view = (r: Row) => ({
  id: r.id,
  organizationId: r.organizationId,
  title: r.title,
  createdAt: r.createdAt.toISOString(),
});

export async function list__Pascal__Items(call: Call, input: { page: number; pageSize: number }) {
  ensure(__camel__Policy, "list", call.ctx.actor);
  const db = call.deps.database.db;
  const rows = await db
    .select()
    .from(__camel__Items)
    .orderBy(desc(__camel__Items.createdAt), desc(__camel__Items.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [total] = await db.select({ n: count() }).from(__camel__Items);
  return {
    items: rows.map(view),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    // Whether the caller may add items to at least one of their organizations.
    can: {
      create: call.ctx.actor.grants.some(
        (g) => abilities(__camel__Policy, call.ctx.actor, { organizationId: g.organizationId }).create,
      ),
    },
  };
}

export async function create__Pascal__Item(call: Call, input: { organizationId: string; title: string }) {
  ensure(__camel__Policy, "create", call.ctx.actor, { organizationId: input.organizationId });
  return call.deps.database.db.transaction(async (tx) => {
    if (!(await organizationName(tx, input.organizationId)))
      throw invalid("body.organizationId", "no such organization");
    const [row] = await tx
      .insert(__camel__Items)
      .values({ id: randomUUID(), organizationId: input.organizationId, title: input.title })
      .returning();
    await recordAudit(tx, call.ctx, {
      action: "__name__.item.create",
      resourceType: "__snake___item",
      resourceIds: [row!.id, input.organizationId],
    });
    return view(row!);
  });
}
