import type { FastifyInstance } from "fastify";
import type { Deps } from "./deps.js";

/**
 * One server module, as the app sees it: everything the platform needs to wire the module in,
 * in one object exported from `modules/<name>/index.ts` and named once in `modules/index.ts`.
 * app.ts registers the routes, server.ts runs the start-up tasks and background jobs, the
 * backup takes every table (but the excluded ones) and drizzle-kit reads `modules/*\/tables.ts`.
 */
export interface ServerModule {
  /** The module's name, the same in core, contracts, server and web. */
  name: string;
  /** Registers the module's routes (each an entry of the contracts' route table). */
  routes(app: FastifyInstance, deps: Deps): void;
  /** The module's tables: the exports of its `tables.ts` (Drizzle tables and enums). */
  tables: Record<string, unknown>;
  /** Tables left out of backups, each with the reason (the backup test requires one). */
  backupExclusions?: Readonly<Record<string, string>>;
  /** Runs once at start, after migrations and before the server listens (e.g. seeding reference data). */
  start?(deps: Deps): Promise<void>;
  /** Background work every instance runs on a timer; each run must be safe alongside other instances. */
  jobs?: readonly BackgroundJob[];
}

export interface BackgroundJob {
  name: string;
  everyMs: number;
  run(deps: Deps): Promise<unknown>;
}
