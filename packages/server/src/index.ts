export { buildApp } from "./app.js";
export { type Config, loadConfig } from "./config.js";
export { type Database, type Db, openDatabase } from "./db/connection.js";
export { migrate } from "./db/migrate.js";
export { serve } from "./main.js";
export { createApiToken } from "./modules/members/accounts.service.js";
export { bootstrapAdmin } from "./platform/bootstrap.js";
export { SYSTEM_CONTEXT } from "./platform/context.js";
export { openDatabaseFor, prepare } from "./server.js";
