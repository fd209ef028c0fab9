// Backups of the whole database: the platform's tables and every module's (platform/backup does the
// work; this composition root gives it the tables, from the module list).
import type { Db } from "./db/connection.js";
import { MODULES } from "./modules/index.js";
import * as backup from "./platform/backup/backup.js";
import { type BackupPlan, planBackup } from "./platform/backup/plan.js";
import { PLATFORM_TABLES } from "./platform/tables.js";

export { type Backup, BackupError, type Progress } from "./platform/backup/backup.js";

let plan: BackupPlan | undefined;

/** The tables a backup holds: the platform's and every module's, less each module's exclusions. */
export function backupPlan(): BackupPlan {
  plan ??= planBackup(
    [PLATFORM_TABLES, ...MODULES.map((m) => m.tables)],
    Object.assign({}, ...MODULES.map((m) => m.backupExclusions ?? {})),
  );
  return plan;
}

/** Secrets (password hashes, token hashes, the log's key) are left out unless `includeSecrets`. */
export const exportBackup = (db: Db, progress?: backup.Progress, options?: backup.ExportOptions) =>
  backup.exportBackup(db, backupPlan(), progress, options);
export const checkBackup = (data: unknown) => backup.checkBackup(data, backupPlan());
export const importBackup = (db: Db, data: unknown, progress?: backup.Progress) =>
  backup.importBackup(db, data, backupPlan(), progress);
