/**
 * `concordia registry import <file> --organization <id> [--publish] [--batch 1000] [--json]`:
 * bulk import of AI system documents, NDJSON or a JSON array, from a file or stdin (`-`), straight
 * into the database named by the server's settings (DATABASE_URL, or the PGlite folder under
 * CONCORDIA_DATA_DIR). See packages/server/src/modules/registry/bulk.service.ts for what is stored.
 *
 * All or nothing per batch: the first invalid document stops the run (exit code 2) with its line
 * and field paths; nothing of its batch is stored, the batches before it are. The message says
 * where to resume. Published systems get a log record each; the server's sequencer (every second,
 * on any instance) integrates them into the log.
 */
import { randomUUID } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { isDomainError } from "@concordia/core";
import {
  BulkImportError,
  createCatalogCache,
  type ImportResult,
  importSystems,
  loadConfig,
  loadReferenceInstruments,
  migrate,
  openDatabaseFor,
  SYSTEM_CONTEXT,
  seedReferenceInstruments,
} from "@concordia/server";
import { UsageError } from "../log/errors.js";
import { importProgress } from "./progress.js";
import { InputError, readDocuments } from "./read.js";

export interface RegistryImportOptions {
  organization: string;
  publish: boolean;
  batch: number;
  json: boolean;
}

export const MAX_BATCH = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ImportSummary extends ImportResult {
  file: string;
  organizationId: string;
  database: string;
  batchSize: number;
  perSecond: number;
  /** Instruments published from the reference data before the import (as the server does at start). */
  instrumentsSeeded: number;
  rulesRevision: number;
}

function summaryText(s: ImportSummary): string {
  const t = s.timings;
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    `Imported ${s.imported} systems as ${s.published ? "published" : "drafts"} into ${s.database} in ${s.seconds.toFixed(1)} s: ${s.perSecond} systems/s.`,
    `  ${s.batches} batch${s.batches === 1 ? "" : "es"} of up to ${s.batchSize}; ${s.distinctProfiles} distinct profiles, ${s.distinctClassifications} distinct classifications (rules revision ${s.rulesRevision}).`,
    `  Time: reading ${sec(t.read)}, validation ${sec(t.validate)}, classification and rows ${sec(t.prepare)}, ` +
      `${s.published ? `log records ${sec(t.log)}, ` : ""}inserts ${sec(t.insert)}, transactions ${sec(t.commit)}.`,
    ...(s.logSeqs
      ? [
          `  Log records ${s.logSeqs.first}–${s.logSeqs.last} are integrated into the log by the server's sequencer (every second, any instance).`,
        ]
      : []),
  ].join("\n");
}

export async function registryImportCommand(file: string, o: RegistryImportOptions): Promise<void> {
  if (!UUID.test(o.organization)) throw new UsageError("--organization must be an organization id (a UUID)");
  if (o.batch > MAX_BATCH) throw new UsageError(`--batch must be at most ${MAX_BATCH}`);
  let size: number | undefined;
  if (file !== "-") {
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error("not a file");
      size = st.size;
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
    }
  }

  const config = loadConfig();
  const database = await openDatabaseFor(config);
  const input = file === "-" ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  const reader = readDocuments(input);
  const bar = importProgress(size);
  let stored = 0;
  try {
    await migrate(database);
    const instrumentsSeeded = config.seedReferenceData
      ? await seedReferenceInstruments(database, loadReferenceInstruments(config.referenceDataDir))
      : 0;
    const catalog = await createCatalogCache([])(database.db);
    if (catalog.instruments.length === 0) {
      process.stderr.write(
        "concordia: warning: no instrument is published, so the systems are stored unclassified; the server classifies them once instruments are published.\n",
      );
    }
    const ctx = { ...SYSTEM_CONTEXT, requestId: `cli-registry-import-${randomUUID()}` };
    const call = { deps: { database, catalog: async () => catalog }, ctx };
    const result = await importSystems(call, {
      organizationId: o.organization,
      documents: reader.documents,
      publish: o.publish,
      batchSize: o.batch,
      operator: true,
      onProgress(done) {
        stored = done;
        reader.release(done);
        bar.update(done, reader.bytesRead());
      },
    });
    bar.stop();
    const summary: ImportSummary = {
      file,
      organizationId: o.organization,
      database: database.kind,
      batchSize: o.batch,
      ...result,
      perSecond: Math.round(result.imported / Math.max(result.seconds, 0.001)),
      instrumentsSeeded,
      rulesRevision: catalog.revision,
    };
    if (o.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else process.stdout.write(`${summaryText(summary)}\n`);
  } catch (err) {
    bar.stop();
    throw explain(err, file, reader, stored, o.json);
  } finally {
    if (input !== process.stdin) (input as ReturnType<typeof createReadStream>).destroy();
    await database.close();
  }
}

/** Turns a stopped import into a message naming the line, the field paths and where to resume. */
function explain(
  err: unknown,
  file: string,
  reader: ReturnType<typeof readDocuments>,
  stored: number,
  json: boolean,
): unknown {
  if (isDomainError(err) && err.kind === "invalid" && err.message.includes("organization")) {
    return new UsageError(`--organization: no such organization`);
  }
  let failure: { line: number | undefined; document?: number; issues?: { path: string; message: string }[] };
  let message: string;
  if (err instanceof BulkImportError) {
    const line = reader.position(err.index)?.line;
    failure = { line, document: err.index + 1, issues: err.issues };
    message = `line ${line ?? "?"} (document ${err.index + 1}) is not a valid system document:\n${err.issues
      .map((i) => `  ${i.path || "(document)"}: ${i.message}`)
      .join("\n")}`;
  } else if (err instanceof InputError) {
    failure = { line: err.line };
    message = err.message;
  } else {
    if (stored > 0) process.stderr.write(`concordia: ${stored} systems were stored before the error.\n`);
    return err;
  }
  const resumeLine = reader.position(stored)?.line;
  const ndjson = reader.format() === "ndjson";
  const where =
    stored === 0
      ? "Nothing was stored."
      : `The first ${stored} systems${resumeLine && ndjson ? ` (up to line ${resumeLine - 1})` : ""} were stored; nothing after them.`;
  const resume =
    stored > 0 && ndjson && resumeLine && file !== "-"
      ? ` Fix it and import the rest: tail -n +${resumeLine} ${file} | concordia registry import - ...`
      : stored > 0
        ? ` Fix it and import the rest, from document ${stored + 1}.`
        : "";
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ok: false, imported: stored, resumeFromDocument: stored + 1, resumeFromLine: ndjson ? (resumeLine ?? null) : null, error: failure }, null, 2)}\n`,
    );
  }
  return new UsageError(`${message}\n${where}${resume}`);
}
