import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { databaseSettings } from "../config.js";
/**
 * The Drizzle database, whichever driver is underneath. Queries name tables directly (each module
 * its own); the relational query API (`db.query`) is not used, so no schema object is attached.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle: the same query API as Db. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DbKind;
  /** Runs `fn` while holding a session-level advisory lock on one connection. */
  withAdvisoryLock<T>(key: number, fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL of a PostgreSQL server; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; "memory://" keeps it in memory (tests). */
  pgliteDataDir?: string;
  poolSize?: number;
  /** PostgreSQL: how long to wait for a new connection, in ms (default CONCORDIA_DB_CONNECT_TIMEOUT_MS or 5 s). */
  connectTimeoutMs?: number;
  /** PostgreSQL: server-side statement_timeout in ms, 0 for none (default CONCORDIA_DB_STATEMENT_TIMEOUT_MS or 60 s). */
  statementTimeoutMs?: number;
  /** PostgreSQL: how long the start-up probe keeps retrying an unreachable server, in ms (default CONCORDIA_DB_STARTUP_WAIT_MS or 15 s). */
  startupWaitMs?: number;
  /** Where connection problems are reported (default: one line on stderr). */
  log?: (message: string, err: unknown) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options.pgliteDataDir ?? "memory://");
}

// ---------------------------------------------------------------------------------------------
// Connection errors: the database is away (restart, failover, network), not a bug of the request.

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const CONNECTION_MESSAGES = [
  "Connection terminated", // pg: "Connection terminated unexpectedly", "... due to connection timeout"
  "timeout exceeded when trying to connect", // pg-pool connectionTimeoutMillis
  "Client has encountered a connection error and is not queryable",
  "Connection ended unexpectedly",
];

/**
 * True when `err` (or an error it wraps, as Drizzle does) says the database cannot be reached:
 * network errors, PostgreSQL's shutdown codes (57P01 admin shutdown, 57P02 crash shutdown,
 * 57P03 cannot connect now) and class 08 (connection exception), pg's "Connection terminated"
 * and the pool's connect timeout.
 */
export function isConnectionError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const x = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    const code = typeof x.code === "string" ? x.code : "";
    if (NETWORK_CODES.has(code) || /^57P0[123]$/.test(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    const message = typeof x.message === "string" ? x.message : "";
    if (CONNECTION_MESSAGES.some((m) => message.includes(m))) return true;
    // Node reports a refused connection to several addresses (IPv4 and IPv6) as an AggregateError.
    if (Array.isArray(x.errors) && x.errors.some((inner) => isConnectionError(inner))) return true;
    e = x.cause;
  }
  return false;
}

const defaultLog = (message: string, err: unknown) => {
  const e = err as { code?: string; message?: string };
  process.stderr.write(`[concordia] ${message}: ${e?.code ? `${e.code} ` : ""}${e?.message ?? String(err)}\n`);
};

// ---------------------------------------------------------------------------------------------
// PGlite: one process per folder, enforced by a lock file next to it.

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLockPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock of a PGlite folder: `<folder>.lock` holding the PID, created atomically (a
 * complete temporary file hard-linked into place, which fails if the lock exists). A lock whose
 * process is gone (kill -9, crash) is taken over. Returns the release function.
 */
/** Lock files this process holds, so a lock naming our own PID can be told from a previous run's. */
const heldLocks = new Set<string>();

export function lockDataDir(dataDir: string): () => void {
  const file = `${resolve(dataDir)}.lock`;
  for (let attempt = 0; ; attempt++) {
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, `${process.pid}\n`, { mode: 0o600 });
    try {
      linkSync(temp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = readLockPid(file);
      // Our own PID on a lock we do not hold is a previous run's (a container restarts as PID 1): stale.
      const ours = pid === process.pid && !heldLocks.has(file);
      if (pid !== undefined && processAlive(pid) && !ours) {
        const who = pid === process.pid ? `this process (${pid})` : `process ${pid}`;
        throw new Error(
          `the database folder ${resolve(dataDir)} is in use by ${who}; stop it or use the running server's API (if no Concordia process has it open, delete ${file})`,
        );
      }
      if (attempt >= 3) throw new Error(`could not take the lock ${file} of the database folder`);
      // Stale (its process is gone): take it over, unless someone else just did.
      if (readLockPid(file) === pid) unlinkSync(file);
      continue;
    } finally {
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    }
    heldLocks.add(file);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      heldLocks.delete(file);
      process.off("exit", release);
      try {
        if (readLockPid(file) === process.pid) unlinkSync(file);
      } catch {
        // already gone
      }
    };
    process.on("exit", release);
    return release;
  }
}

async function openPglite(dataDir: string): Promise<Database> {
  let unlock = () => {};
  if (!dataDir.startsWith("memory://")) {
    // The database files are for this server only (they hold password hashes and the log's key).
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      chmodSync(dataDir, 0o700); // folders created by earlier versions were 0755
    } catch {
      // not ours to change: leave it
    }
    unlock = lockDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzlePglite(client) as unknown as Db;
  const queues = new Map<number, Promise<unknown>>();
  return {
    db,
    kind: "pglite",
    // PGlite is a single connection owned by this process, and PostgreSQL
    // advisory locks are re-entrant within one connection: so the lock is an
    // in-process queue here. (Only one process can open a PGlite folder: lockDataDir.)
    withAdvisoryLock(key, fn) {
      const previous = queues.get(key) ?? Promise.resolve();
      const run = previous.then(() => fn(db));
      queues.set(
        key,
        run.then(
          () => undefined,
          () => undefined,
        ),
      );
      return run;
    },
    async close() {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL server: a pool that survives the server going away and coming back.

/**
 * A checked-out client that hits a connection error is given back to the pool at once, as broken
 * (so the pool drops it), and a later release() by its user is a no-op. Drizzle's transaction()
 * sends BEGIN before its try/finally: a BEGIN that fails on a dead connection would otherwise never
 * release the client, and every such failure during an outage would leak one slot of the pool
 * (and make pool.end() wait forever).
 */
function releasedOnConnectionError(client: pg.PoolClient): pg.PoolClient {
  const release = client.release;
  const query = client.query;
  let released = false;
  client.release = (err?: Error | boolean) => {
    if (released) return;
    released = true;
    client.query = query; // the next checkout wraps it again (and gets a new release from the pool)
    release(err);
  };
  client.query = ((...args: unknown[]) => {
    const result = (query as (...a: unknown[]) => unknown).apply(client, args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      return (result as Promise<unknown>).catch((err: unknown) => {
        if (isConnectionError(err)) client.release(err instanceof Error ? err : new Error(String(err)));
        throw err;
      });
    }
    return result;
  }) as typeof client.query;
  return client;
}

/** The pool given to Drizzle and withAdvisoryLock: its promise-style connect() guards each client. */
class GuardedPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool's connect() has a callback and a promise overload
  override connect(...args: any[]): any {
    // pool.query() uses the callback form and releases with the error itself.
    if (args.length > 0) return (super.connect as (...a: unknown[]) => unknown)(...args);
    return super.connect().then(releasedOnConnectionError);
  }
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const defaults = databaseSettings();
  const connectTimeoutMs = options.connectTimeoutMs ?? defaults.connectTimeoutMs;
  const statementTimeoutMs = options.statementTimeoutMs ?? defaults.statementTimeoutMs;
  const startupWaitMs = options.startupWaitMs ?? defaults.startupWaitMs;
  const log = options.log ?? defaultLog;
  const pool = new GuardedPool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: connectTimeoutMs,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    keepAlive: true,
  });
  // An idle pooled connection that dies (server restart, failover, pg_terminate_backend) is
  // reported here; without a listener Node would crash the process. The pool drops the client and
  // opens a new one on the next request. One line per outage, not one per connection.
  let lastReport = 0;
  const report = (err: unknown) => {
    if (Date.now() - lastReport < 5_000) return;
    lastReport = Date.now();
    log("a database connection was lost (requests answer 503 until it is back)", err);
  };
  pool.on("error", report);
  // pg-pool listens to a client's errors only while it is idle: one checked out (e.g. by a
  // transaction, between two queries) would crash the process too. Its next query fails instead
  // ("not queryable", a 503), and the pool drops it on release.
  pool.on("connect", (client) => client.on("error", report));
  // Start-up probe: fail with a clear error if the server stays unreachable, but give a server
  // that is just starting (or restarting) a few seconds.
  const deadline = Date.now() + startupWaitMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 2_000)) {
    try {
      const probe = await pool.connect();
      probe.release();
      break;
    } catch (err) {
      if (!isConnectionError(err) || Date.now() + delay > deadline) {
        await pool.end().catch(() => {});
        throw err;
      }
      log(`the database is not reachable yet; retrying for up to ${Math.round(startupWaitMs / 1000)} s`, err);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    kind: "postgres",
    async withAdvisoryLock(key, fn) {
      const conn = await pool.connect();
      // A connection that dies while checked out must not crash the process, nor go back to the pool.
      let broken: unknown;
      const onError = (err: Error) => {
        broken ??= err;
      };
      conn.on("error", onError);
      try {
        await conn.query("select pg_advisory_lock($1)", [key]);
        try {
          return await fn(drizzlePg(conn) as unknown as Db);
        } finally {
          try {
            await conn.query("select pg_advisory_unlock($1)", [key]);
          } catch (err) {
            // The session is gone or unusable: discarding the connection releases the lock too.
            broken ??= err;
          }
        }
      } catch (err) {
        if (isConnectionError(err)) broken ??= err;
        throw err;
      } finally {
        conn.off("error", onError);
        conn.release(broken ? (broken instanceof Error ? broken : new Error(String(broken))) : undefined);
      }
    },
    close: () => pool.end(),
  };
}
