import type { Actor } from "@concordia/core";
import type { Config } from "../config.js";
import type { Database } from "../db/connection.js";
import type { LogService } from "../modules/log/log.service.js";
import type { CatalogCache } from "../modules/rules/catalog.js";
import type { Mailer } from "./outbox/mailer.js";

/** What every service needs, built once at start. */
export interface Deps {
  database: Database;
  config: Config;
  mailer: Mailer;
  log: LogService;
  /** The current instruments, compiled, and the crosswalk graph (rebuilt when a version is published). */
  catalog: CatalogCache;
}

/** Who made the request and how, passed to services for authorization and the audit trail. */
export interface RequestContext {
  actor: Actor;
  tokenId: string | null;
  sessionId: string | null;
  requestId: string | null;
  ip: string | null;
}

export const SYSTEM_CONTEXT: RequestContext = {
  actor: { userId: null, emailVerified: true, grants: [] },
  tokenId: null,
  sessionId: null,
  requestId: null,
  ip: null,
};
