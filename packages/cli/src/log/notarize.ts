/**
 * Notarizing a file: only its SHA-256, computed here while streaming it, goes
 * to the server; the receipt that comes back is verified before it is kept.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import type { VerifierKey } from "./core.js";
import { VerificationFailure } from "./errors.js";
import { postNotarization } from "./http.js";
import { type ReceiptVerification, verifyReceipt } from "./receipt.js";

/** SHA-256 of a file in lower-case hex, read as a stream (any size). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export interface NotarizeOptions {
  baseUrl: string;
  token: string;
  title: string;
  description?: string;
  /** The log key, if the caller pinned one; otherwise the receipt's own key is used. */
  pinnedKey?: VerifierKey;
  fetch?: typeof fetch;
}

export interface Notarized {
  file: string;
  sha256: string;
  receipt: unknown;
  verification: ReceiptVerification;
}

/**
 * Hashes, posts, and checks the receipt: it must verify and its record must
 * carry the file's digest. Throws VerificationFailure otherwise, with the
 * receipt attached as `result` for the caller to show.
 */
export async function notarizeFile(file: string, o: NotarizeOptions): Promise<Notarized> {
  const sha256 = await sha256File(file);
  const receipt = await postNotarization(
    o.baseUrl,
    o.token,
    {
      title: o.title,
      ...(o.description !== undefined ? { description: o.description } : {}),
      fileName: basename(file),
      sha256,
    },
    { fetch: o.fetch },
  );
  const verification = verifyReceipt(receipt, { pinnedKey: o.pinnedKey, documentSha256: sha256 });
  const result = { file, sha256, receipt, verification };
  if (!verification.ok) {
    const f = verification.failure!;
    throw Object.assign(new VerificationFailure(f.code, `the server's receipt does not verify: ${f.message}`, f.step), {
      result,
    });
  }
  return result;
}
