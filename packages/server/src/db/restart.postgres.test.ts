import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type Agent, adminAgent, TestApp } from "../../test/harness.js";
import { findPostgresBin, type RestartablePostgres, startRestartablePostgres } from "../../test/postgres-server.js";
import { loadConfig } from "../config.js";
import { prepare } from "../server.js";
import { type Database, isConnectionError, openDatabase } from "./connection.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it answers `status`; the time it took, in ms. */
async function until(probe: () => Promise<{ statusCode: number }>, status: number, withinMs: number) {
  const t0 = Date.now();
  let last = 0;
  while (Date.now() - t0 < withinMs) {
    last = (await probe()).statusCode;
    if (last === status) return Date.now() - t0;
    await sleep(100);
  }
  throw new Error(`still ${last} after ${withinMs} ms, expected ${status}`);
}

// Needs a PostgreSQL server of its own, stopped and started during the test: the postgres project only.
describe("a PostgreSQL restart", () => {
  let server: RestartablePostgres;
  let database: Database;
  let t: TestApp;
  let admin: Agent;
  const lost: unknown[] = [];

  beforeAll(async () => {
    server = await startRestartablePostgres();
    database = await openDatabase({
      databaseUrl: server.url,
      poolSize: 4,
      connectTimeoutMs: 2_000,
      log: (_message, err) => lost.push(err),
    });
    const config = {
      ...loadConfig({}),
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      authRateLimit: 10_000,
      webDist: "/nonexistent",
      seedReferenceData: false,
    };
    // The background jobs (sequencer, re-classification...) run as in production.
    t = new TestApp(await prepare(config, { database, logger: false }));
    admin = await adminAgent(t);
  });
  afterAll(async () => {
    await t?.close(); // hangs if a pooled client leaked
    server?.destroy();
  }, 120_000);

  const read = () => t.request("GET", "/api/v1/admin/audit", { as: admin });

  it("survives the server stopping, answers 503 while it is away, and recovers by itself", async () => {
    expect((await read()).statusCode).toBe(200);
    // Several idle pooled connections, as the background timers keep in production.
    await Promise.all(Array.from({ length: 4 }, () => read()));

    server.stopServer(); // pg_ctl stop -m fast: 57P01 on every connection
    await sleep(300);
    expect(lost.length).toBeGreaterThan(0); // the idle connections' errors were handled, not thrown

    const down = await read();
    expect(down.statusCode, down.body).toBe(503);
    expect(down.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(down.headers["retry-after"]).toBe("5");
    expect(down.json()).toMatchObject({ status: 503, title: "Service unavailable" });

    const health = await t.request("GET", "/api/health");
    expect(health.statusCode, health.body).toBe(503);
    expect(health.json()).toMatchObject({ status: "degraded", database: { ok: false } });
    expect(["unreachable", "timeout"]).toContain(health.json().database.error);

    // Background jobs keep failing quietly meanwhile; the process is still here to answer.
    await sleep(1_500);
    expect((await read()).statusCode).toBe(503);

    server.startServer();
    const took = await until(read, 200, 10_000);
    expect(took).toBeLessThan(5_000);
    expect((await t.request("GET", "/api/health")).statusCode).toBe(200);
    // The session-level lock's dedicated connection works again too.
    await expect(database.withAdvisoryLock(42, (db) => db.execute(sql`select 1`))).resolves.toBeDefined();
  });

  it("survives pg_terminate_backend of its connections", async () => {
    await Promise.all(Array.from({ length: 4 }, () => read()));
    const killer = new pg.Client({ connectionString: server.url });
    await killer.connect();
    try {
      const r = await killer.query(
        "select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where pid <> pg_backend_pid() and datname = current_database() and backend_type = 'client backend'",
      );
      expect(r.rows[0].n).toBeGreaterThan(0);
    } finally {
      await killer.end();
    }
    await until(read, 200, 3_000);
  });

  it("discards a lock connection that died while holding the lock", async () => {
    const dying = database.withAdvisoryLock(7, (db) => db.execute(sql`select pg_terminate_backend(pg_backend_pid())`));
    const err = await dying.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isConnectionError(err), String(err)).toBe(true);
    // The dead connection did not go back to the pool: every later use works, and the lock is free.
    for (let i = 0; i < 6; i++) {
      await expect(database.withAdvisoryLock(7, (db) => db.execute(sql`select 1`))).resolves.toBeDefined();
    }
    expect((await read()).statusCode).toBe(200);
  });

  it("a transaction whose BEGIN meets a dead connection does not leak its pool slot", async () => {
    const url = new URL(server.url);
    url.searchParams.set("application_name", "leak-test");
    const one = await openDatabase({
      databaseUrl: url.toString(),
      poolSize: 1,
      connectTimeoutMs: 2_000,
      log: () => {},
    });
    try {
      await one.db.execute(sql`select 1`); // one idle pooled connection
      // Its backend is terminated while this process is blocked (execFileSync), so the pool still
      // holds it as idle when the transaction checks it out and sends BEGIN.
      execFileSync(
        join(findPostgresBin()!, "psql"),
        [
          "-d",
          server.url,
          "-Atc",
          "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'leak-test'",
        ],
        { stdio: "pipe" },
      );
      const failed = await one.db
        .transaction((tx) => tx.execute(sql`select 1`))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(isConnectionError(failed), String(failed)).toBe(true);
      // With the slot leaked, the next checkout of this one-connection pool would time out.
      for (let i = 0; i < 3; i++) await one.db.transaction((tx) => tx.execute(sql`select 1`));
    } finally {
      await one.close(); // would wait forever for a leaked client
    }
  });
});

describe("isConnectionError", () => {
  it("recognizes the database going away, and nothing else", () => {
    expect(isConnectionError(Object.assign(new Error("terminating connection"), { code: "57P01" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("x"), { code: "08006" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionError(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isConnectionError(new Error("Failed query", { cause: Object.assign(new Error(), { code: "57P03" }) }))).toBe(
      true,
    );
    expect(isConnectionError(Object.assign(new Error("dup"), { code: "23505" }))).toBe(false);
    expect(isConnectionError(new Error("boom"))).toBe(false);
  });
});
