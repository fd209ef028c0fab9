/**
 * The server internals `concordia registry import` needs, in one place. @concordia/server exports
 * only its app and the backup/admin operations (cli-support.ts); until it exports these too, the
 * command reaches into its sources here, and nowhere else.
 */

export { createLogService, initLog } from "../../../server/src/modules/log/log.service.js";
export { loadLogIdentity } from "../../../server/src/modules/log/signer.js";
export {
  BulkImportError,
  type ImportResult,
  importSystems,
} from "../../../server/src/modules/registry/bulk.service.js";
export { createCatalogCache } from "../../../server/src/modules/rules/catalog.js";
export { seedReferenceInstruments } from "../../../server/src/modules/rules/instruments.service.js";
export { loadReferenceInstruments } from "../../../server/src/modules/rules/reference-data.js";
export { HttpProblem } from "../../../server/src/platform/http/problem.js";
