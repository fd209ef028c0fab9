import type { FastifyInstance } from "fastify";
import { type AppOptions, buildApp } from "./app.js";
import { type Config, pgliteDir } from "./config.js";
import { type Database, openDatabase } from "./db/connection.js";
import { migrate } from "./db/migrate.js";
import { createLogService, initLog } from "./modules/log/log.service.js";
import { loadLogIdentity } from "./modules/log/signer.js";
import { reclassifyStale } from "./modules/registry/classify.service.js";
import { createCatalogCache } from "./modules/rules/catalog.js";
import { seedReferenceInstruments } from "./modules/rules/instruments.service.js";
import { loadReferenceCrosswalks, loadReferenceInstruments } from "./modules/rules/reference-data.js";
import { type BootstrapResult, bootstrapAdmin } from "./platform/bootstrap.js";
import type { Deps } from "./platform/context.js";
import { createMailer } from "./platform/outbox/mailer.js";

export interface Started {
  app: FastifyInstance;
  deps: Deps;
  bootstrap: BootstrapResult;
  close(): Promise<void>;
}

export async function openDatabaseFor(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: pgliteDir(config) });
}

/** Opens the database, applies migrations, creates the first admin and builds the app (not yet listening). */
export async function prepare(config: Config, options: AppOptions & { database?: Database } = {}): Promise<Started> {
  const database = options.database ?? (await openDatabaseFor(config));
  await migrate(database);
  const bootstrap = await bootstrapAdmin(database.db, { email: config.adminEmail, password: config.adminPassword });
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  const identity = await loadLogIdentity(database.db, config.logOrigin, config.logSignerKey);
  await initLog(database, identity);
  const log = createLogService(database, identity);
  if (config.seedReferenceData) {
    const added = await seedReferenceInstruments(database, loadReferenceInstruments(config.referenceDataDir));
    if (added > 0) await log.sequencer.run();
  }
  const catalog = createCatalogCache(loadReferenceCrosswalks(config.referenceDataDir));
  const deps: Deps = { database, config, mailer, log, catalog };
  const app = await buildApp(deps, options);
  let timer: NodeJS.Timeout | undefined;
  if (config.smtpUrl) {
    timer = setInterval(() => {
      mailer.flush(database.db).catch((err) => app.log.error({ err }, "sending email failed"));
    }, 5_000);
    timer.unref();
  }
  // Re-classifies registered systems after an instrument changed (a batch at a time, shared by instances).
  const reclassifyTimer = setInterval(() => {
    deps
      .catalog(database.db)
      .then((catalog) => reclassifyStale(database.db, catalog))
      .catch((err) => app.log.error({ err }, "re-classifying systems failed"));
  }, 5_000);
  reclassifyTimer.unref();
  // Integrates records whose submitter went away before asking (e.g. a crashed instance).
  const sequencerTimer = setInterval(() => {
    log.sequencer.run().catch((err) => app.log.error({ err }, "log sequencing failed"));
  }, 1_000);
  sequencerTimer.unref();
  return {
    app,
    deps,
    bootstrap,
    async close() {
      if (timer) clearInterval(timer);
      clearInterval(sequencerTimer);
      clearInterval(reclassifyTimer);
      await log.sequencer.idle();
      await app.close();
      await database.close();
    },
  };
}
