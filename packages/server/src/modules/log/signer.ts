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
 * silently starting a second log over the same tree. A key given in CONCORDIA_LOG_SIGNER_KEY is
 * checked against the stored identity (only its public half is stored). To start a new identity
 * deliberately, delete the log_keys row (witnesses and monitors must then be told).
 */
/** A stored row for a key kept in the environment: its public verifier key only, never the secret. */
const ENV_KEY_PREFIX = "ENV:";

const verifierOf = (key: SignerKey) => formatVerifierKey({ name: key.name, type: 0x01, publicKey: key.publicKey });

export async function loadLogIdentity(
  db: Db,
  configuredOrigin: string,
  signerKeyText?: string,
  warn: (message: string) => void = (m) => process.stderr.write(`concordia: warning: ${m}\n`),
): Promise<LogIdentity> {
  let text = signerKeyText;
  let origin = configuredOrigin;
  const stored = await db.select().from(logKeys).orderBy(asc(logKeys.createdAt), asc(logKeys.origin));
  if (text) {
    // A key from CONCORDIA_LOG_SIGNER_KEY must be the log's own: the first start records its public
    // half; later starts with another key (or another origin) are refused rather than fork the log.
    const key = parseSignerKey(text);
    if (key.name !== configuredOrigin) {
      throw new Error(`the log signer key is named "${key.name}" but the log origin is "${configuredOrigin}"`);
    }
    const first = stored[0];
    if (!first) {
      await db.insert(logKeys).values({ origin: key.name, signerKey: `${ENV_KEY_PREFIX}${verifierOf(key)}` });
    } else if (
      first.origin !== key.name ||
      !(
        first.signerKey === text ||
        first.signerKey === `${ENV_KEY_PREFIX}${verifierOf(key)}` ||
        first.signerKey.startsWith("OMITTED-FROM-BACKUP")
      )
    ) {
      throw new Error(
        `CONCORDIA_LOG_SIGNER_KEY is not the key this log was created with ("${first.origin}"): a different key would sign a second log over the same tree. Give the log's own key; to start a new log identity deliberately, delete the log_keys row first (witnesses and monitors will then see a different key)`,
      );
    }
  } else {
    const row = stored.find((r) => r.origin === configuredOrigin) ?? stored[0];
    if (row) {
      if (row.origin !== configuredOrigin) {
        warn(
          `the transparency log was created as "${row.origin}" and keeps that origin and key; the configured origin "${configuredOrigin}" (from CONCORDIA_LOG_ORIGIN or the public URL) is ignored. Set CONCORDIA_LOG_ORIGIN=${row.origin} to silence this.`,
        );
      }
      if (row.signerKey.startsWith(ENV_KEY_PREFIX)) {
        throw new Error(
          `the transparency log "${row.origin}" was started with its key in CONCORDIA_LOG_SIGNER_KEY, which is not set now: set it to the same key`,
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
    verifierKey: verifierOf(key),
  };
}
