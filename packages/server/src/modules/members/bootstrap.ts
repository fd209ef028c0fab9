import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { recordAudit } from "../../platform/audit/service.js";
import { users } from "../../platform/auth/tables.js";
import { SYSTEM_CONTEXT } from "../../platform/context.js";
import { createUser } from "./accounts.service.js";
import { insertOrganization } from "./directory.service.js";
import { memberships, organizations } from "./tables.js";

export const SECRETARIAT_NAME = "Secretariat";

export interface BootstrapResult {
  created: boolean;
  email?: string;
  /** Set only when we generated the password: shown once, never stored in clear. */
  generatedPassword?: string;
}

/**
 * On first start, creates the Secretariat organization and its first administrator
 * from CONCORDIA_ADMIN_EMAIL / CONCORDIA_ADMIN_PASSWORD. Without a password a random
 * one is generated and returned once for the caller to print. Never a default password.
 * Does nothing when a secretariat administrator exists.
 */
export async function bootstrapAdmin(db: Db, admin: { email?: string; password?: string }): Promise<BootstrapResult> {
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.role, "secretariat_admin"))
      .limit(1);
    if (existing.length > 0) return { created: false };
    const email = (admin.email ?? "admin@localhost").toLowerCase();
    const generatedPassword = admin.password ? undefined : randomBytes(18).toString("base64url");
    const password = admin.password ?? generatedPassword!;
    let [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.name, SECRETARIAT_NAME));
    if (!org) {
      const id = await insertOrganization(tx, {
        name: SECRETARIAT_NAME,
        type: "intergovernmental_organization",
        countryCode: null,
        status: "member",
        website: null,
        description: "The secretariat that runs the organization.",
      });
      org = { id };
    }
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    const userId =
      user?.id ?? (await createUser(tx, { email, name: "Secretariat administrator", password, emailVerified: true }));
    await tx
      .insert(memberships)
      .values({ id: randomUUID(), userId, organizationId: org.id, role: "secretariat_admin" });
    await recordAudit(tx, SYSTEM_CONTEXT, {
      action: "bootstrap.admin",
      resourceType: "user",
      resourceIds: [userId, org.id],
    });
    return { created: true, email, generatedPassword: user ? undefined : generatedPassword };
  });
}
