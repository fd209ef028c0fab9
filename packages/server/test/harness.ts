import { randomUUID } from "node:crypto";
import type { Role, StakeholderType } from "@concordia/core";
import type { LightMyRequestResponse } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { type Config, loadConfig } from "../src/config.js";
import { type Database, openDatabase } from "../src/db/connection.js";
import { createApiToken, createUser } from "../src/modules/members/accounts.service.js";
import { insertOrganization } from "../src/modules/members/directory.service.js";
import { memberships } from "../src/modules/members/tables.js";
import { SYSTEM_CONTEXT } from "../src/platform/context.js";
import { prepare, type Started } from "../src/server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server started by postgres-global-setup.ts. */
    postgresAdminUrl: string;
  }
}

export const ADMIN = { email: "admin@example.org", password: "correct-horse-battery-staple" };

/** A new, empty database on the test PostgreSQL server; its URL. */
export async function newPostgresDatabaseUrl(): Promise<string> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `t_${randomUUID().replace(/-/g, "")}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh, empty database of the kind this test project runs on (PGlite in memory, or a new database on the PostgreSQL server). */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.CONCORDIA_TEST_DB === "postgres") {
    return openDatabase({ databaseUrl: await newPostgresDatabaseUrl(), poolSize: 4 });
  }
  return openDatabase({ pgliteDataDir: "memory://" });
}

/** Who makes a request: nobody (the public), an API token, or a browser session (cookie + CSRF token). */
export interface Agent {
  token?: string;
  cookie?: string;
  csrf?: string;
  userId?: string;
}
export const PUBLIC: Agent = {};

export interface RequestOptions {
  as?: Agent;
  body?: unknown;
  headers?: Record<string, string>;
}

export class TestApp {
  constructor(readonly started: Started) {}

  get app() {
    return this.started.app;
  }
  get db() {
    return this.started.deps.database.db;
  }

  request(method: string, url: string, opts: RequestOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    const as = opts.as ?? PUBLIC;
    if (as.token) headers.authorization = `Bearer ${as.token}`;
    if (as.cookie) headers.cookie = as.cookie;
    if (as.csrf && method !== "GET") headers["x-csrf-token"] = as.csrf;
    return this.app.inject({
      method: method as "GET",
      url,
      headers,
      ...(opts.body === undefined ? {} : { payload: opts.body as object }),
    });
  }

  /** Signs in through the API and returns the browser-like session agent. */
  async signIn(email: string, password: string): Promise<Agent> {
    const res = await this.request("POST", "/api/v1/auth/sign-in", { body: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return sessionAgent(res);
  }

  /** Factory: an organization; every field can be overridden. */
  async organization(
    overrides: Partial<{
      name: string;
      type: StakeholderType;
      countryCode: string | null;
      status: "member" | "observer";
    }> = {},
  ) {
    return insertOrganization(this.db, {
      name: `Org ${randomUUID().slice(0, 8)}`,
      type: "government_agency",
      countryCode: "FR",
      status: "member",
      website: null,
      description: "",
      ...overrides,
    });
  }

  /**
   * Factory: a person holding `role` (none for a plain registered user) in an
   * organization, created when not given. Returns an agent with an API token.
   */
  async person(role?: Role, opts: { organizationId?: string; email?: string; name?: string } = {}) {
    const email = opts.email ?? `p-${randomUUID().slice(0, 8)}@example.org`;
    const userId = await createUser(this.db, {
      email,
      name: opts.name ?? `Person ${email}`,
      password: "long-enough-password",
      emailVerified: true,
    });
    let organizationId = opts.organizationId;
    if (role) {
      organizationId ??= await this.organization();
      await this.db.insert(memberships).values({ id: randomUUID(), userId, organizationId, role });
    }
    const { token } = await createApiToken(this.db, SYSTEM_CONTEXT, { userId, name: "test" });
    return { agent: { token, userId } as Agent, userId, email, organizationId };
  }

  close() {
    return this.started.close();
  }
}

export function sessionAgent(res: LightMyRequestResponse): Agent {
  const cookie = res.cookies.find((c) => c.name === "concordia_session");
  if (!cookie) throw new Error("no session cookie");
  const body = res.json() as { csrfToken: string; user: { id: string } };
  return { cookie: `concordia_session=${cookie.value}`, csrf: body.csrfToken, userId: body.user.id };
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config: Config = {
    ...loadConfig({}),
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    authRateLimit: 10_000,
    webDist: "/nonexistent",
    // Most tests need no instruments; the rules tests turn this on.
    seedReferenceData: false,
    ...overrides,
  };
  return new TestApp(await prepare(config, { database, logger: false }));
}

/** The secretariat admin as an API-token agent. */
export async function adminAgent(t: TestApp): Promise<Agent> {
  return t.signIn(ADMIN.email, ADMIN.password);
}
