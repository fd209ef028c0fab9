import type { Actor } from "@concordia/core";
import type { Config } from "../config.js";
import type { Database } from "../db/connection.js";
import type { Mailer } from "./outbox/mailer.js";

/** What platform/ code needs from the app (the full Deps of deps.ts extend it). */
export interface PlatformDeps {
  database: Database;
  config: Config;
  mailer: Mailer;
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
