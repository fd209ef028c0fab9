// Operations the CLI runs directly against the database (no HTTP).
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "./db/connection.js";
import { createUser } from "./modules/members/accounts.service.js";
import { bootstrapAdmin, SECRETARIAT_NAME } from "./modules/members/bootstrap.js";
import { userByEmail } from "./modules/members/queries.js";
import { memberships, organizations } from "./modules/members/tables.js";
import { recordAudit } from "./platform/audit/service.js";
import { SYSTEM_CONTEXT } from "./platform/context.js";

export { BackupError, checkBackup, exportBackup, importBackup } from "./backup.js";

export async function findUserIdByEmail(tx: Tx | Db, email: string): Promise<string | undefined> {
  return (await userByEmail(tx, email))?.id;
}

/** `concordia admin create`: a new secretariat administrator, or the role for an existing account. */
export async function addSecretariatAdmin(db: Db, opts: { email: string; name: string; password?: string }) {
  const first = await bootstrapAdmin(db, { email: opts.email, password: opts.password });
  if (first.created) return { email: first.email!, created: true, generatedPassword: first.generatedPassword };
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.name, SECRETARIAT_NAME));
    if (!org) throw new Error("the Secretariat organization is missing");
    let userId = await findUserIdByEmail(tx, opts.email);
    let generatedPassword: string | undefined;
    const created = !userId;
    if (!userId) {
      generatedPassword = opts.password ? undefined : randomBytes(18).toString("base64url");
      userId = await createUser(tx, {
        email: opts.email,
        name: opts.name,
        password: opts.password ?? generatedPassword!,
        emailVerified: true,
      });
    }
    const has = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.organizationId, org.id),
          eq(memberships.role, "secretariat_admin"),
        ),
      );
    if (has.length === 0) {
      const id = randomUUID();
      await tx.insert(memberships).values({ id, userId, organizationId: org.id, role: "secretariat_admin" });
      await recordAudit(tx, SYSTEM_CONTEXT, {
        action: "role.grant",
        resourceType: "membership",
        resourceIds: [id, userId, org.id],
        details: { role: "secretariat_admin", via: "cli" },
      });
    }
    return { email: opts.email.toLowerCase(), created, generatedPassword };
  });
}
