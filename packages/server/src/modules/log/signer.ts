import { randomBytes } from "node:crypto";
import {
  ed25519NoteSigner,
  formatVerifierKey,
  generateNoteKeyPair,
  type NoteSigner,
  parseSignerKey,
  type SignerKey,
} from "@concordia/core";
import { asc } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { logKeys } from "./tables.js";

export interface LogIdentity {
  origin: string;
  signer: NoteSigner;
  key: SignerKey;
  /** C2SP note verifier key text, published so anyone can check checkpoints. */
  verifierKey: string;
}

/**
 * The log's identity: its origin and Ed25519 note key. The key comes from
 * CONCORDIA_LOG_SIGNER_KEY (C2SP "PRIVATE+KEY+..." text) or, when absent, is
 * generated once, at first start, and kept in the database so every instance signs with the same
 * key. After that the stored identity wins: a server started under another public URL or port (which
 * would give another default origin) keeps signing as the log it is, and says so, rather than
 * silently starting a second log over the same tree. To rename the log deliberately, set
 * CONCORDIA_LOG_SIGNER_KEY to a key named after the new origin (witnesses must then be told).
 */
export async function loadLogIdentity(
  db: Db,
  configuredOrigin: string,
  signerKeyText?: string,
  warn: (message: string) => void = (m) => process.stderr.write(`concordia: warning: ${m}\n`),
): Promise<LogIdentity> {
  let text = signerKeyText;
  let origin = configuredOrigin;
  if (!text) {
    const stored = await db.select().from(logKeys).orderBy(asc(logKeys.createdAt), asc(logKeys.origin));
    const row = stored.find((r) => r.origin === configuredOrigin) ?? stored[0];
    if (row) {
      if (row.origin !== configuredOrigin) {
        warn(
          `the transparency log was created as "${row.origin}" and keeps that origin and key; the configured origin "${configuredOrigin}" (from CONCORDIA_LOG_ORIGIN or the public URL) is ignored. Set CONCORDIA_LOG_ORIGIN=${row.origin} to silence this, or see CONCORDIA_LOG_SIGNER_KEY in the README to rename the log deliberately.`,
        );
      }
      origin = row.origin;
      text = row.signerKey;
    } else {
      const generated = generateNoteKeyPair(origin, new Uint8Array(randomBytes(32))).signerKey;
      await db.insert(logKeys).values({ origin, signerKey: generated }).onConflictDoNothing();
      // Another instance may have won the race: use whatever is stored first.
      const [first] = await db.select().from(logKeys).orderBy(asc(logKeys.createdAt), asc(logKeys.origin)).limit(1);
      origin = first!.origin;
      text = first!.signerKey;
    }
  }
  if (text.startsWith("OMITTED-FROM-BACKUP")) {
    // Restored from a backup taken without secrets (concordia export without --include-secrets).
    throw new Error(
      "the log's signing key was left out of the backup this database was restored from: set CONCORDIA_LOG_SIGNER_KEY to the original key to keep the log's identity, or delete the log_keys row to start a new identity deliberately (witnesses and monitors will then see a different key)",
    );
  }
  const key = parseSignerKey(text);
  if (key.name !== origin) {
    throw new Error(`the log signer key is named "${key.name}" but the log origin is "${origin}"`);
  }
  return {
    origin,
    key,
    signer: ed25519NoteSigner(key),
    verifierKey: formatVerifierKey({ name: key.name, type: 0x01, publicKey: key.publicKey }),
  };
}
