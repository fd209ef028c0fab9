import { randomUUID } from "node:crypto";
import pg from "pg";
import { loadConfig } from "../../packages/server/src/config.js";
import { createApiToken, createUser } from "../../packages/server/src/modules/members/accounts.service.js";
import { insertOrganization } from "../../packages/server/src/modules/members/directory.service.js";
import { memberships } from "../../packages/server/src/modules/members/tables.js";
import { SYSTEM_CONTEXT } from "../../packages/server/src/platform/context.js";
import { prepare } from "../../packages/server/src/server.js";

export const ADMIN = { email: "admin@example.org", password: "correct-horse-battery-staple" };
const TYPES = ["government_agency", "academia", "industry", "civil_society", "intergovernmental_organization"] as const;
const COUNTRIES = ["FR", "DE", "KE", "BR", "JP", "IN", "CA", "ZA", "MX", "NO"];

/** Environment a Concordia child gets: loopback, quiet logs, a known first admin. */
export function serverEnv(db: { dataDir?: string; databaseUrl?: string }, logLevel: string): Record<string, string> {
  return {
    CONCORDIA_DATA_DIR: db.dataDir ?? "",
    DATABASE_URL: db.databaseUrl ?? "",
    CONCORDIA_ADMIN_EMAIL: ADMIN.email,
    CONCORDIA_ADMIN_PASSWORD: ADMIN.password,
    CONCORDIA_WEB_DIST: "/nonexistent",
    LOG_LEVEL: logLevel,
  };
}

/** Creates an empty database on the PostgreSQL server and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`create database ${name}`);
  } finally {
    await c.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Migrates the database the way the server would (prepare), then adds `orgCount`
 * organizations and a person who is member_delegate of one of them, with an API
 * token. Closes the database again (PGlite allows a single process) and returns the token.
 */
export async function seed(db: { dataDir?: string; databaseUrl?: string }, orgCount: number): Promise<string> {
  const started = await prepare(loadConfig(serverEnv(db, "warn")), { logger: false });
  try {
    const d = started.deps.database.db;
    const orgIds: string[] = [];
    for (let i = 0; i < orgCount; i++) {
      orgIds.push(
        await insertOrganization(d, {
          name: `Benchmark Organization ${String(i).padStart(3, "0")}`,
          type: TYPES[i % TYPES.length]!,
          countryCode: COUNTRIES[i % COUNTRIES.length]!,
          status: i % 4 === 0 ? "observer" : "member",
          website: `https://org-${i}.example.org`,
          description: `Seeded organization number ${i} for the foundation benchmark.`,
        }),
      );
    }
    const userId = await createUser(d, {
      email: "bench-reader@example.org",
      name: "Benchmark Reader",
      password: "long-enough-password",
      emailVerified: true,
    });
    await d
      .insert(memberships)
      .values({ id: randomUUID(), userId, organizationId: orgIds[0]!, role: "member_delegate" });
    const { token } = await createApiToken(d, SYSTEM_CONTEXT, { userId, name: "benchmark" });
    return token;
  } finally {
    await started.close();
  }
}
