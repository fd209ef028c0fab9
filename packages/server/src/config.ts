import { resolve } from "node:path";

/** Settings, all from the environment (see README "Settings"). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Public URL of the site, used in links inside emails. */
  publicUrl: string;
  adminEmail?: string;
  adminPassword?: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Requests per minute per IP on sign-in, sign-up, password reset and invitation acceptance. */
  authRateLimit: number;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Secure cookies (HTTPS). Defaults to true when publicUrl is https. */
  secureCookies: boolean;
  logLevel: string;
  /** Origin line of the transparency log's checkpoints (C2SP tlog-checkpoint), e.g. example.org/log. */
  logOrigin: string;
  /** C2SP note signer key of the log ("PRIVATE+KEY+..."); generated and kept in the database when absent. */
  logSignerKey?: string;
  /** Folder of the built web app; the SPA is not served when it does not exist. */
  webDist: string;
  /** Publish the reviewed instruments of data/frameworks at start (each new id+version once). */
  seedReferenceData: boolean;
  /** Folder of the reviewed reference data (frameworks/, crosswalks/); the repository's data/ by default. */
  referenceDataDir: string;
  /**
   * Which proxies in front of the server may report the client's address (X-Forwarded-For):
   * false (none: the socket's address is the client), a number of hops, or a list of proxy
   * addresses/CIDRs. Fastify's `trustProxy`.
   */
  trustProxy: TrustProxy;
  /** Connection settings of a PostgreSQL server (DATABASE_URL). */
  database: DatabaseSettings;
}

export type TrustProxy = false | number | string[];

export interface DatabaseSettings {
  /** How long to wait for a new connection, in ms. */
  connectTimeoutMs: number;
  /** Server-side statement_timeout of every connection, in ms; 0 for none. */
  statementTimeoutMs: number;
  /** How long the start-up probe retries an unreachable server before giving up, in ms. */
  startupWaitMs: number;
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

/** PostgreSQL connection settings (CONCORDIA_DB_*): also the defaults of openDatabase. */
export function databaseSettings(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  return {
    connectTimeoutMs: int("CONCORDIA_DB_CONNECT_TIMEOUT_MS", env.CONCORDIA_DB_CONNECT_TIMEOUT_MS, 5_000),
    statementTimeoutMs: int("CONCORDIA_DB_STATEMENT_TIMEOUT_MS", env.CONCORDIA_DB_STATEMENT_TIMEOUT_MS, 60_000),
    startupWaitMs: int("CONCORDIA_DB_STARTUP_WAIT_MS", env.CONCORDIA_DB_STARTUP_WAIT_MS, 15_000),
  };
}

const IPV4_OR_6 = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;

/**
 * CONCORDIA_TRUST_PROXY: unset or "false": no proxy; a whole number: that many proxy hops (the
 * client is the address the outermost trusted hop saw); a comma-separated list of proxy addresses
 * or CIDRs. "true" once meant "trust every X-Forwarded-For", which lets any client choose its own
 * address (and so dodge per-IP limits): it now means 1 hop, with a warning.
 */
export function parseTrustProxy(value: string | undefined, warn: (message: string) => void = () => {}): TrustProxy {
  const v = (value ?? "").trim();
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true") {
    warn(
      'CONCORDIA_TRUST_PROXY=true is read as 1 (one reverse proxy in front of the server); set the number of proxy hops (e.g. 1) or the proxies\' addresses (e.g. "10.0.0.0/8,127.0.0.1") to silence this warning.',
    );
    return 1;
  }
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  for (const entry of list) {
    if (!IPV4_OR_6.test(entry) || !entry.replace(/\/.*/, "").match(/[.:]/)) {
      throw new Error(
        `CONCORDIA_TRUST_PROXY must be false, a number of proxy hops, or a comma-separated list of proxy addresses or CIDRs; "${entry}" is none of these`,
      );
    }
  }
  return list;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int("PORT", env.PORT, 3000);
  const host = env.HOST || "0.0.0.0";
  const publicUrl = (env.CONCORDIA_PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, "");
  return {
    port,
    host,
    dataDir: resolve(env.CONCORDIA_DATA_DIR || "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl,
    adminEmail: env.CONCORDIA_ADMIN_EMAIL || undefined,
    adminPassword: env.CONCORDIA_ADMIN_PASSWORD || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || "Concordia <no-reply@localhost>",
    authRateLimit: int("CONCORDIA_AUTH_RATE_LIMIT", env.CONCORDIA_AUTH_RATE_LIMIT, 20),
    bodyLimit: int("CONCORDIA_BODY_LIMIT", env.CONCORDIA_BODY_LIMIT, 1_048_576),
    secureCookies: env.CONCORDIA_SECURE_COOKIES
      ? env.CONCORDIA_SECURE_COOKIES === "true"
      : publicUrl.startsWith("https:"),
    logLevel: env.LOG_LEVEL || "info",
    logOrigin: env.CONCORDIA_LOG_ORIGIN || `${new URL(publicUrl).host}/concordia-log`,
    logSignerKey: env.CONCORDIA_LOG_SIGNER_KEY || undefined,
    seedReferenceData: env.CONCORDIA_SEED_REFERENCE_DATA !== "false",
    referenceDataDir: resolve(env.CONCORDIA_REFERENCE_DATA_DIR || new URL("../../../data", import.meta.url).pathname),
    webDist: resolve(env.CONCORDIA_WEB_DIST || new URL("../../web/dist", import.meta.url).pathname),
    trustProxy: parseTrustProxy(env.CONCORDIA_TRUST_PROXY, (message) =>
      process.emitWarning(message, { code: "CONCORDIA_TRUST_PROXY" }),
    ),
    database: databaseSettings(env),
  };
}

/** Where the embedded PostgreSQL keeps its files. */
export function pgliteDir(config: Config): string {
  return resolve(config.dataDir, "db");
}
