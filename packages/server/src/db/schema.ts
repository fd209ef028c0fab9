// Every table of every module, for Drizzle (queries, migrations) and for backups.

export * from "../modules/log/tables.js";
export * from "../modules/members/tables.js";
export * from "../modules/registry/tables.js";
export * from "../modules/rules/tables.js";
export * from "../platform/audit/tables.js";
export * from "../platform/auth/tables.js";
export * from "../platform/outbox/tables.js";
