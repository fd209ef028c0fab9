import { randomBytes } from "node:crypto";
import {
  ed25519NoteSigner,
  formatVerifierKey,
  generateNoteKeyPair,
  type NoteSigner,
  parseSignerKey,
  type SignerKey,
} from "@concordia/core";
import { eq } from "drizzle-orm";
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
 * generated once and kept in the database so every instance signs with the same key.
 */
export async function loadLogIdentity(db: Db, origin: string, signerKeyText?: string): Promise<LogIdentity> {
  let text = signerKeyText;
  if (!text) {
    const [row] = await db.select().from(logKeys).where(eq(logKeys.origin, origin));
    if (row) text = row.signerKey;
    else {
      const generated = generateNoteKeyPair(origin, new Uint8Array(randomBytes(32))).signerKey;
      await db.insert(logKeys).values({ origin, signerKey: generated }).onConflictDoNothing();
      // Another instance may have won the race: use whatever is stored.
      const [stored] = await db.select().from(logKeys).where(eq(logKeys.origin, origin));
      text = stored!.signerKey;
    }
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
