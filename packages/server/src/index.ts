export { buildApp } from "./app.js";
export { type Config, loadConfig } from "./config.js";
export { type Database, type Db, openDatabase } from "./db/connection.js";
export { migrate } from "./db/migrate.js";
export type { Call, Deps } from "./deps.js";
export { serve } from "./main.js";
export { createApiToken } from "./modules/members/accounts.service.js";
export { bootstrapAdmin } from "./modules/members/bootstrap.js";
// For `concordia registry import`, which writes to the database directly (no HTTP).
export { BulkImportError, type ImportResult, importSystems } from "./modules/registry/bulk.service.js";
export { createCatalogCache } from "./modules/rules/catalog.js";
export { seedReferenceInstruments } from "./modules/rules/instruments.service.js";
export { loadReferenceInstruments } from "./modules/rules/reference-data.js";
export { SYSTEM_CONTEXT } from "./platform/context.js";
export { openDatabaseFor, openServices, prepare, type Services } from "./server.js";
