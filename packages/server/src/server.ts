import type { FastifyInstance } from "fastify";
import { type AppOptions, buildApp } from "./app.js";
import { type Config, pgliteDir } from "./config.js";
import { type Database, openDatabase } from "./db/connection.js";
import { migrate } from "./db/migrate.js";
import type { Deps } from "./deps.js";
import { MODULES } from "./modules/index.js";
import { createLogService, initLog } from "./modules/log/log.service.js";
import { loadLogIdentity } from "./modules/log/signer.js";
import { type BootstrapResult, bootstrapAdmin } from "./modules/members/bootstrap.js";
import { createCatalogCache } from "./modules/rules/catalog.js";
import { loadReferenceCrosswalks } from "./modules/rules/reference-data.js";
import { createMailer } from "./platform/outbox/mailer.js";

export interface Started {
  app: FastifyInstance;
  deps: Deps;
  bootstrap: BootstrapResult;
  close(): Promise<void>;
}

export async function openDatabaseFor(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: pgliteDir(config), ...config.database });
}

export interface Services {
  deps: Deps;
  close(): Promise<void>;
}

/**
 * The app's dependencies without HTTP: opens the database (unless given), applies migrations, loads
 * the log's identity, and runs every module's start-up task (e.g. publishing reference instruments).
 * The server builds on it; CLI commands that work on the database directly use it alone.
 */
export async function openServices(config: Config, options: { database?: Database } = {}): Promise<Services> {
  const database = options.database ?? (await openDatabaseFor(config));
  await migrate(database);
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  const identity = await loadLogIdentity(database.db, config.logOrigin, config.logSignerKey);
  await initLog(database, identity);
  const log = createLogService(database, identity);
  const catalog = createCatalogCache(loadReferenceCrosswalks(config.referenceDataDir));
  const deps: Deps = { database, config, mailer, log, catalog };
  for (const module of MODULES) await module.start?.(deps);
  return {
    deps,
    async close() {
      await log.sequencer.idle();
      await database.close();
    },
  };
}

/** Opens the database, applies migrations, creates the first admin and builds the app (not yet listening). */
export async function prepare(config: Config, options: AppOptions & { database?: Database } = {}): Promise<Started> {
  const { deps } = await openServices(config, { database: options.database });
  const { database, mailer, log } = deps;
  const bootstrap = await bootstrapAdmin(database.db, { email: config.adminEmail, password: config.adminPassword });
  const app = await buildApp(deps, options);
  const timers: NodeJS.Timeout[] = [];
  // A background job, every `ms`. After consecutive failures (e.g. the database is restarting) it
  // backs off: it skips 1, 3, 7... ticks, up to 30 s between attempts, logs one line per failure
  // streak (and when it recovers), and never overlaps a run still in progress.
  const every = (name: string, ms: number, run: () => Promise<unknown>) => {
    let failures = 0;
    let skip = 0;
    let running = false;
    const maxSkip = Math.max(0, Math.ceil(30_000 / ms) - 1);
    const timer = setInterval(() => {
      if (running) return;
      if (skip > 0) {
        skip--;
        return;
      }
      running = true;
      run().then(
        () => {
          if (failures > 0) app.log.info(`${name} works again after ${failures} failed attempt(s)`);
          failures = 0;
          running = false;
        },
        (err) => {
          if (failures === 0) app.log.error({ err }, `${name} failed; retrying with back-off until it works`);
          failures++;
          skip = Math.min(2 ** failures - 1, maxSkip);
          running = false;
        },
      );
    }, ms);
    timer.unref();
    timers.push(timer);
  };
  if (config.smtpUrl) every("sending email", 5_000, () => mailer.flush(database.db));
  for (const module of MODULES) for (const job of module.jobs ?? []) every(job.name, job.everyMs, () => job.run(deps));
  return {
    app,
    deps,
    bootstrap,
    async close() {
      for (const timer of timers) clearInterval(timer);
      await log.sequencer.idle();
      await app.close();
      await database.close();
    },
  };
}
