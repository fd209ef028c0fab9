// The platform's own tables (accounts and sessions, the audit trail, the email outbox).
import * as audit from "./audit/tables.js";
import * as auth from "./auth/tables.js";
import * as outbox from "./outbox/tables.js";

export const PLATFORM_TABLES: Record<string, unknown> = { ...auth, ...audit, ...outbox };
