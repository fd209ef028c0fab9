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
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
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
  };
}

/** Where the embedded PostgreSQL keeps its files. */
export function pgliteDir(config: Config): string {
  return resolve(config.dataDir, "db");
}
