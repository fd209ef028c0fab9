import { randomUUID } from "node:crypto";
import { chmodSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import {
  type Config,
  createApiToken,
  type Database,
  loadConfig,
  migrate,
  openDatabaseFor,
  SYSTEM_CONTEXT,
} from "@concordia/server";
import { addSecretariatAdmin, exportBackup, findUserIdByEmail, importBackup } from "@concordia/server/cli-support";
import { progressBar } from "./progress.js";

export interface Output {
  json: boolean;
}

function print(out: Output, human: string, data: unknown) {
  if (out.json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else process.stdout.write(`${human}\n`);
}

async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabaseFor(config);
  try {
    await migrate(database);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

export async function migrateCommand(out: Output) {
  const config = loadConfig();
  const database = await openDatabaseFor(config);
  try {
    const r = await migrate(database);
    print(out, `Migrations: ${r.applied} applied, ${r.total} in all (${database.kind}).`, {
      ...r,
      database: database.kind,
    });
  } finally {
    await database.close();
  }
}

export async function adminCreateCommand(opts: { email: string; name: string; password?: string }, out: Output) {
  await withDatabase(async (database) => {
    const r = await addSecretariatAdmin(database.db, opts);
    const human = r.generatedPassword
      ? `Secretariat administrator ${r.email} ready.\nOne-time password (shown only now): ${r.generatedPassword}`
      : `Secretariat administrator ${r.email} ready.`;
    print(out, human, r);
  });
}

/** `--scope read|write|read,write`: what the token may do (read: GET only; default both, as before scopes). */
export async function adminTokenCommand(
  opts: { email: string; name: string; expiresInDays?: number; scope?: string },
  out: Output,
) {
  const scopes = (opts.scope ?? "read,write").split(",").map((s) => s.trim());
  const bad = scopes.filter((s) => s !== "read" && s !== "write");
  if (bad.length || scopes.length === 0)
    throw new Error(`--scope must be read, write or read,write (got ${opts.scope})`);
  await withDatabase(async (database) => {
    const userId = await findUserIdByEmail(database.db, opts.email);
    if (!userId) throw new Error(`no account with email ${opts.email}`);
    const ctx = { ...SYSTEM_CONTEXT, requestId: `cli-${randomUUID()}` };
    const created = await database.db.transaction((tx) =>
      createApiToken(tx, ctx, {
        userId,
        name: opts.name,
        expiresInDays: opts.expiresInDays,
        scopes: scopes as ("read" | "write")[],
      }),
    );
    print(out, created.token, created);
  });
}

export async function exportCommand(file: string | undefined, out: Output, options: { includeSecrets?: boolean } = {}) {
  await withDatabase(async (database) => {
    const bar = progressBar(!out.json || file !== undefined);
    const includeSecrets = options.includeSecrets === true;
    const backup = await exportBackup(database.db, (e) => bar.update(e), { includeSecrets });
    bar.stop();
    const text = `${JSON.stringify(backup)}\n`;
    const counts = Object.fromEntries(Object.entries(backup.tables).map(([k, v]) => [k, v.length]));
    if (includeSecrets) {
      process.stderr.write(
        "The backup includes password hashes, token hashes and the log's signing key: keep it as secret as the database.\n",
      );
    }
    if (file) {
      // Only the owner may read a backup (0600), also when it replaces an older file: written to a new
      // 0600 file beside it, then renamed over it, so its contents are never readable under other modes.
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, text, { mode: 0o600, flag: "wx" });
      chmodSync(temp, 0o600);
      renameSync(temp, file);
      print(out, `Exported to ${file}: ${JSON.stringify(counts)}`, { file, counts, secrets: backup.secrets });
    } else {
      process.stdout.write(text);
    }
  });
}

export async function importCommand(file: string, out: Output) {
  const data = JSON.parse(readFileSync(file, "utf8"));
  await withDatabase(async (database) => {
    const bar = progressBar(true);
    const counts = await importBackup(database.db, data, (e) => bar.update(e));
    bar.stop();
    print(out, `Imported ${file}: ${JSON.stringify(counts)}`, { file, counts });
  });
}
