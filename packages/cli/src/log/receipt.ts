/**
 * Offline verification of a receipt (concordia-receipt/v1), step by step, as a
 * careful third party would do it: nothing is fetched and nothing the receipt
 * says is believed until checked. Pure: the caller reads the files.
 */
import { Receipt } from "@concordia/contracts";
import {
  base64Decode,
  base64Encode,
  bytesEqual,
  type Checkpoint,
  ed25519NoteVerifier,
  formatKeyId,
  formatSignatureLine,
  leafHash,
  type OpenedNote,
  openCheckpoint,
  parseVerifierKey,
  type VerifierKey,
  verifyCosignatureLine,
  verifyInclusion,
} from "./core.js";
import { errorCode, errorMessage, VerificationFailure } from "./errors.js";
import { sameVerifierKey } from "./keys.js";

export type StepId =
  | "well-formed"
  | "verifier-key"
  | "leaf-hash"
  | "checkpoint-signature"
  | "checkpoint"
  | "inclusion"
  | "document";

export const STEP_TITLES: Record<StepId, string> = {
  "well-formed": "receipt is well-formed",
  "verifier-key": "log verifier key",
  "leaf-hash": "leaf hash = SHA-256(0x00 || record)",
  "checkpoint-signature": "checkpoint signed by the log key",
  checkpoint: "checkpoint matches the receipt (origin, tree size)",
  inclusion: "inclusion proof leads to the checkpoint root",
  document: "the record carries the document's SHA-256",
};

export interface StepResult {
  step: StepId;
  title: string;
  /** "skipped" after an earlier failure. */
  status: "ok" | "failed" | "skipped";
  detail: string;
  code?: string;
}

export interface ReceiptVerification {
  ok: boolean;
  /** "pinned": checked against a key given independently; "receipt": against the key the receipt carries. */
  trust: "pinned" | "receipt";
  steps: StepResult[];
  failure?: { step: StepId; code: string; message: string };
  entry?: { index: number; recordType: string; origin: string; treeSize: number; rootHash: string };
  /** Signatures on the checkpoint besides the log's (witness cosignatures), and which were checked. */
  cosignatures?: { verified: string[]; unchecked: string[] };
}

export interface VerifyReceiptOptions {
  /** An independently obtained log key; the receipt's own key must be this one. */
  pinnedKey?: VerifierKey;
  /** Witness keys whose valid cosignature must be on the checkpoint. */
  witnessKeys?: readonly VerifierKey[];
  /** SHA-256 (hex) of a document the record must carry, e.g. a notarized file's. */
  documentSha256?: string;
}

function keyLabel(k: { name: string; keyId: number }): string {
  return `${k.name}+${formatKeyId(k.keyId)}`;
}

/** Verifies a receipt given as JSON text or an already parsed value. Never throws. */
export function verifyReceipt(input: string | unknown, options: VerifyReceiptOptions = {}): ReceiptVerification {
  const steps: StepResult[] = [];
  const result: ReceiptVerification = { ok: false, trust: options.pinnedKey ? "pinned" : "receipt", steps };
  const ok = (step: StepId, detail: string) => steps.push({ step, title: STEP_TITLES[step], status: "ok", detail });
  let current: StepId = "well-formed";
  try {
    // 1. Well-formed.
    let value = input;
    if (typeof input === "string") {
      try {
        value = JSON.parse(input);
      } catch (err) {
        throw new VerificationFailure("NOT_JSON", `not JSON: ${errorMessage(err)}`);
      }
    }
    const parsed = Receipt.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? issue.path.join(".") : "receipt";
      throw new VerificationFailure("MALFORMED_RECEIPT", `${where}: ${issue.message}`);
    }
    const receipt = parsed.data;
    const claimedLeaf = base64Decode(receipt.leafHash);
    const proof = receipt.inclusionProof.map((h) => base64Decode(h));
    ok("well-formed", `${receipt.format}, entry ${receipt.index} (${receipt.recordType}) of ${receipt.treeSize}`);

    // 2. Verifier key.
    current = "verifier-key";
    let carried: VerifierKey;
    try {
      carried = parseVerifierKey(receipt.verifierKey);
    } catch (err) {
      throw new VerificationFailure(
        errorCode(err, "MALFORMED_KEY"),
        `the receipt's verifier key: ${errorMessage(err)}`,
      );
    }
    if (options.pinnedKey && !sameVerifierKey(carried, options.pinnedKey)) {
      throw new VerificationFailure(
        "KEY_MISMATCH",
        `the receipt carries key ${keyLabel(carried)}, not the pinned key ${keyLabel(options.pinnedKey)}`,
      );
    }
    const logKey = options.pinnedKey ?? carried;
    const verifier = ed25519NoteVerifier(logKey);
    ok(
      "verifier-key",
      options.pinnedKey
        ? `pinned key ${keyLabel(logKey)} (the receipt carries the same)`
        : `${keyLabel(logKey)}, taken from the receipt itself (not pinned: use --key)`,
    );

    // 3. Leaf hash.
    current = "leaf-hash";
    const computed = leafHash(new TextEncoder().encode(receipt.record));
    if (!bytesEqual(computed, claimedLeaf)) {
      throw new VerificationFailure(
        "LEAF_HASH_MISMATCH",
        `the record hashes to ${base64Encode(computed)}, the receipt says ${receipt.leafHash}`,
      );
    }
    ok("leaf-hash", receipt.leafHash);

    // 4. Checkpoint signature (and any witness cosignatures asked for).
    current = "checkpoint-signature";
    let checkpoint: Checkpoint;
    let note: OpenedNote;
    try {
      ({ checkpoint, note } = openCheckpoint(receipt.checkpoint, [verifier]));
    } catch (err) {
      throw new VerificationFailure(errorCode(err, "BAD_CHECKPOINT"), errorMessage(err));
    }
    const verified: string[] = [];
    for (const w of options.witnessKeys ?? []) {
      const good = note.unverifiedSignatures
        .filter((sig) => sig.name === w.name)
        .some((sig) => {
          try {
            verifyCosignatureLine(note.text, formatSignatureLine(sig), w);
            return true;
          } catch {
            return false;
          }
        });
      if (!good) throw new VerificationFailure("MISSING_COSIGNATURE", `no valid cosignature by witness ${w.name}`);
      verified.push(w.name);
    }
    const unchecked = note.unverifiedSignatures.map((s) => s.name).filter((n) => !verified.includes(n));
    result.cosignatures = { verified, unchecked };
    const extra = [
      verified.length ? `cosigned by ${verified.join(", ")}` : "",
      unchecked.length ? `${unchecked.length} other signature(s) not checked: ${unchecked.join(", ")}` : "",
    ].filter(Boolean);
    ok("checkpoint-signature", `${keyLabel(logKey)}${extra.length ? `; ${extra.join("; ")}` : ""}`);

    // 5. The checkpoint is the one the receipt is about.
    current = "checkpoint";
    if (checkpoint.origin !== receipt.origin) {
      throw new VerificationFailure(
        "ORIGIN_MISMATCH",
        `the checkpoint is for log ${JSON.stringify(checkpoint.origin)}, the receipt says ${JSON.stringify(receipt.origin)}`,
      );
    }
    if (checkpoint.size !== receipt.treeSize) {
      throw new VerificationFailure(
        "SIZE_MISMATCH",
        `the checkpoint's tree size is ${checkpoint.size}, the receipt says ${receipt.treeSize}`,
      );
    }
    const rootHash = base64Encode(checkpoint.rootHash);
    ok("checkpoint", `${checkpoint.origin}, size ${checkpoint.size}, root ${rootHash}`);

    // 6. Inclusion.
    current = "inclusion";
    try {
      verifyInclusion(computed, receipt.index, checkpoint.size, proof, checkpoint.rootHash);
    } catch (err) {
      throw new VerificationFailure(errorCode(err, "BAD_PROOF"), errorMessage(err));
    }
    ok("inclusion", `entry ${receipt.index} is in the tree of ${checkpoint.size} entries (${proof.length} hashes)`);
    if (options.documentSha256 !== undefined) {
      current = "document";
      if (!recordMentionsDigest(receipt.record, options.documentSha256)) {
        throw new VerificationFailure(
          "DIGEST_NOT_IN_RECORD",
          `the record does not carry the document's SHA-256 ${options.documentSha256}`,
        );
      }
      ok("document", options.documentSha256);
    }
    result.entry = {
      index: receipt.index,
      recordType: receipt.recordType,
      origin: receipt.origin,
      treeSize: checkpoint.size,
      rootHash,
    };
    result.ok = true;
  } catch (err) {
    const code = err instanceof VerificationFailure ? err.code : errorCode(err, "ERROR");
    const message = errorMessage(err);
    steps.push({ step: current, title: STEP_TITLES[current], status: "failed", detail: message, code });
    result.failure = { step: current, code, message };
    for (const s of Object.keys(STEP_TITLES) as StepId[]) {
      if (s === "document" && options.documentSha256 === undefined) continue;
      if (!steps.some((x) => x.step === s))
        steps.push({ step: s, title: STEP_TITLES[s], status: "skipped", detail: "" });
    }
  }
  return result;
}

/** Whether `record` (canonical JSON) mentions `sha256Hex` as a value anywhere, e.g. a notarized file's digest. */
export function recordMentionsDigest(record: string, sha256Hex: string): boolean {
  const want = sha256Hex.toLowerCase();
  const visit = (v: unknown): boolean => {
    if (typeof v === "string") return v.toLowerCase() === want;
    if (Array.isArray(v)) return v.some(visit);
    if (v && typeof v === "object") return Object.values(v).some(visit);
    return false;
  };
  try {
    return visit(JSON.parse(record));
  } catch {
    return false;
  }
}
