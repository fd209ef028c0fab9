/**
 * Client-side verification of a Concordia receipt ("concordia-receipt/v1"),
 * step by step, so the page can say in plain words which check passed and
 * which one failed. Everything here is pure and synchronous: the browser
 * recomputes every hash and checks every signature itself, trusting nothing
 * the server says about the receipt.
 *
 *   1. the receipt is well-formed (contracts' Receipt schema);
 *   2. its leaf hash is SHA-256(0x00 || UTF-8 bytes of the record) (RFC 6962 §2.1);
 *   3. its checkpoint is a signed note by the log's key, for the receipt's origin (C2SP);
 *   4. that checkpoint covers the tree size the receipt names;
 *   5. the inclusion proof leads from the leaf to the checkpoint's root (RFC 9162 §2.1.3.2);
 *   6. the record's content, shown only as proven when 1-5 passed.
 */
import { Receipt } from "@concordia/contracts";
import {
  base64Decode,
  base64Encode,
  bytesEqual,
  type Checkpoint,
  CheckpointError,
  cosignatureKeyId,
  ed25519NoteVerifier,
  formatKeyId,
  LogVerificationError,
  leafHash,
  NoteError,
  openCheckpoint,
  parseSignatureLine,
  parseVerifierKey,
  SIGNATURE_TYPE_ED25519,
  type VerifierKey,
  verifyConsistency,
  verifyCosignatureLine,
  verifyInclusion,
} from "@concordia/core";

export const RECEIPT_FORMAT = "concordia-receipt/v1";

export type StepStatus = "pass" | "fail" | "skip";

/** Each step and the outcomes it can have; `<step>.<outcome>` is a translation key under log.verify.steps. */
const OUTCOMES = {
  wellFormed: ["pass", "notJson", "wrongFormat", "badFields"],
  leafHash: ["pass", "mismatch", "notUnicode", "skip"],
  signature: [
    "pass",
    "badKey",
    "wrongKeyType",
    "noSignature",
    "badSignature",
    "badNote",
    "wrongOrigin",
    "badCheckpoint",
    "skip",
  ],
  treeSize: ["pass", "mismatch", "skip"],
  inclusion: ["pass", "fail", "badProof", "skip", "skipLeaf"],
  content: ["pass", "notJson", "unproven", "skip"],
} as const;

export type StepId = keyof typeof OUTCOMES;
export const STEP_IDS = Object.keys(OUTCOMES) as StepId[];
/** `<step>.<outcome>`, e.g. "leafHash.mismatch". */
export type StepMessage = { [S in StepId]: `${S}.${(typeof OUTCOMES)[S][number]}` }[StepId];

export interface TechnicalError {
  /** The typed error code of the core library (e.g. ROOT_MISMATCH), or a name of ours. */
  code: string;
  /** The library's own message, in English. */
  message: string;
}

export interface StepResult {
  id: StepId;
  status: StepStatus;
  message: StepMessage;
  /** Interpolated into the message. */
  values?: Record<string, string | number>;
  error?: TechnicalError;
  /** Lines shown under the step (e.g. one per invalid field). */
  details?: string[];
}

/** Where the log key used in step 3 came from; the weaker the source, the louder the page says so. */
export type KeySource = "user" | "server" | "receipt";

export interface VerifyOptions {
  /** The log's verifier key to check the checkpoint with; the receipt's own key when absent. */
  key?: string;
  keySource: KeySource;
}

export interface Verification {
  status: "pass" | "fail";
  steps: StepResult[];
  receipt?: Receipt;
  /** The checkpoint, once its signature verified. */
  checkpoint?: Checkpoint;
  /** The checkpoint body (the signed text), once its signature verified. */
  checkpointText?: string;
  /** The log key the checkpoint verified with. */
  logKey?: VerifierKey;
  keyUsed?: string;
  keySource: KeySource;
  /** The record, pretty-printed when it is JSON. */
  content?: { text: string; json: boolean };
}

function technical(error: unknown): TechnicalError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === "string" ? code : error.name, message: error.message };
  }
  return { code: "ERROR", message: String(error) };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function step<S extends StepId>(
  id: S,
  status: StepStatus,
  outcome: (typeof OUTCOMES)[S][number],
  extra: Omit<StepResult, "id" | "status" | "message"> = {},
): StepResult {
  return { id, status, message: `${id}.${outcome}` as StepMessage, ...extra };
}

function skipped(ids: StepId[]): StepResult[] {
  return ids.map((id) => ({ id, status: "skip", message: `${id}.skip` as StepMessage }));
}

/** Step 1: parse the text and check it against the receipt schema. */
function readReceipt(text: string): { step: StepResult; receipt?: Receipt } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { step: step("wellFormed", "fail", "notJson", { error: technical(error) }) };
  }
  const format = json && typeof json === "object" ? (json as { format?: unknown }).format : undefined;
  if (format !== RECEIPT_FORMAT) {
    return {
      step: step("wellFormed", "fail", "wrongFormat", {
        values: { format: typeof format === "string" ? format : JSON.stringify(format ?? null) },
      }),
    };
  }
  const parsed = Receipt.safeParse(json);
  if (!parsed.success) {
    return {
      step: step("wellFormed", "fail", "badFields", {
        details: parsed.error.issues.map((i) => `${i.path.join(".") || "(receipt)"}: ${i.message}`),
      }),
    };
  }
  const r = parsed.data;
  return {
    step: step("wellFormed", "pass", "pass", { values: { index: r.index, treeSize: r.treeSize, type: r.recordType } }),
    receipt: r,
  };
}

/** Step 2: RFC 6962 leaf hash of the record's UTF-8 bytes, compared with the receipt's. */
function checkLeafHash(receipt: Receipt): { step: StepResult; leaf?: Uint8Array } {
  if (LONE_SURROGATE.test(receipt.record)) return { step: step("leafHash", "fail", "notUnicode") };
  const leaf = leafHash(new TextEncoder().encode(receipt.record));
  const computed = base64Encode(leaf);
  let claimed: Uint8Array | undefined;
  try {
    claimed = base64Decode(receipt.leafHash);
  } catch {
    claimed = undefined;
  }
  if (!claimed || !bytesEqual(leaf, claimed)) {
    return {
      step: step("leafHash", "fail", "mismatch", {
        values: { computed, claimed: receipt.leafHash },
        error: { code: "LEAF_HASH_MISMATCH", message: `SHA-256(0x00 || record) = ${computed} ≠ ${receipt.leafHash}` },
      }),
    };
  }
  return { step: step("leafHash", "pass", "pass", { values: { hash: computed } }), leaf };
}

/** Step 3: the checkpoint is a note signed by the log key, for the receipt's origin. */
function checkSignature(
  receipt: Receipt,
  keyText: string,
): { step: StepResult; checkpoint?: Checkpoint; text?: string; key?: VerifierKey } {
  let key: VerifierKey;
  try {
    key = parseVerifierKey(keyText.trim());
  } catch (error) {
    return { step: step("signature", "fail", "badKey", { error: technical(error) }) };
  }
  if (key.type !== SIGNATURE_TYPE_ED25519) {
    return {
      step: step("signature", "fail", "wrongKeyType", {
        values: { keyName: key.name },
        error: { code: "UNKNOWN_ALGORITHM", message: `signature type 0x${key.type.toString(16).padStart(2, "0")}` },
      }),
    };
  }
  const values = { keyName: key.name, keyId: formatKeyId(key.keyId), origin: receipt.origin };
  try {
    const { checkpoint, note } = openCheckpoint(receipt.checkpoint, [ed25519NoteVerifier(key)], {
      origin: receipt.origin,
    });
    return { step: step("signature", "pass", "pass", { values }), checkpoint, text: note.text, key };
  } catch (error) {
    const err = technical(error);
    if (error instanceof NoteError) {
      const outcome =
        error.code === "NO_VERIFIED_SIGNATURE"
          ? "noSignature"
          : error.code === "INVALID_SIGNATURE"
            ? "badSignature"
            : "badNote";
      return { step: step("signature", "fail", outcome, { values, error: err }) };
    }
    if (error instanceof CheckpointError) {
      const outcome = error.code === "WRONG_ORIGIN" ? "wrongOrigin" : "badCheckpoint";
      return { step: step("signature", "fail", outcome, { values, error: err }) };
    }
    return { step: step("signature", "fail", "badNote", { values, error: err }) };
  }
}

/** Step 5: the inclusion proof leads from the record's leaf hash to the signed root. */
function checkInclusion(receipt: Receipt, leaf: Uint8Array, checkpoint: Checkpoint): StepResult {
  let proof: Uint8Array[];
  try {
    proof = receipt.inclusionProof.map((h) => base64Decode(h));
  } catch (error) {
    return step("inclusion", "fail", "badProof", { error: technical(error) });
  }
  const values = { index: receipt.index, treeSize: receipt.treeSize, hashes: proof.length };
  try {
    verifyInclusion(leaf, receipt.index, receipt.treeSize, proof, checkpoint.rootHash);
    return step("inclusion", "pass", "pass", { values });
  } catch (error) {
    const outcome = error instanceof LogVerificationError ? "fail" : "badProof";
    return step("inclusion", "fail", outcome, { values, error: technical(error) });
  }
}

function prettyRecord(record: string): { text: string; json: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(record), null, 2), json: true };
  } catch {
    return { text: record, json: false };
  }
}

/** Verifies a receipt given as JSON text. Never throws: every problem is a failed step. */
export function verifyReceipt(text: string, options: VerifyOptions): Verification {
  const { keySource } = options;
  const first = readReceipt(text);
  const receipt = first.receipt;
  if (!receipt) {
    return {
      status: "fail",
      steps: [first.step, ...skipped(["leafHash", "signature", "treeSize", "inclusion", "content"])],
      keySource,
    };
  }
  const steps: StepResult[] = [first.step];

  const leaf = checkLeafHash(receipt);
  steps.push(leaf.step);

  const keyUsed = options.key?.trim() || receipt.verifierKey;
  const signed = checkSignature(receipt, keyUsed);
  steps.push(signed.step);

  const checkpoint = signed.checkpoint;
  let sizeMatches = false;
  if (!checkpoint) {
    steps.push(...skipped(["treeSize"]));
  } else {
    sizeMatches = checkpoint.size === receipt.treeSize;
    steps.push(
      sizeMatches
        ? step("treeSize", "pass", "pass", {
            values: { size: checkpoint.size, root: base64Encode(checkpoint.rootHash) },
          })
        : step("treeSize", "fail", "mismatch", {
            values: { checkpointSize: checkpoint.size, treeSize: receipt.treeSize },
          }),
    );
  }

  if (!leaf.leaf) steps.push(step("inclusion", "skip", "skipLeaf"));
  else if (!checkpoint || !sizeMatches) steps.push(step("inclusion", "skip", "skip"));
  else steps.push(checkInclusion(receipt, leaf.leaf, checkpoint));

  const content = prettyRecord(receipt.record);
  const proven = steps.every((s) => s.status === "pass");
  if (!proven) steps.push(step("content", "skip", "unproven"));
  else steps.push(content.json ? step("content", "pass", "pass") : step("content", "fail", "notJson"));

  return {
    status: steps.every((s) => s.status === "pass") ? "pass" : "fail",
    steps,
    receipt,
    checkpoint,
    checkpointText: signed.text,
    logKey: signed.key,
    keyUsed,
    keySource,
    content,
  };
}

/** The signature lines of a signed note (everything after its last blank line). */
export function signatureLines(note: string): string[] {
  const split = note.lastIndexOf("\n\n");
  if (split < 0) return [];
  return note
    .slice(split + 2)
    .split("\n")
    .filter((line) => line !== "");
}

export interface WitnessLike {
  id: string;
  name: string;
  verifierKey: string;
  countryCode: string | null;
}

export interface CosignatureCheck<W extends WitnessLike = WitnessLike> {
  line: string;
  /** The key name on the line. */
  name: string;
  keyId: string;
  /** pass: a registered witness's valid cosignature; fail: signed in its name but invalid; unknown: no such witness. */
  status: "pass" | "fail" | "unknown";
  witness?: W;
  /** When the witness signed, in POSIX seconds. */
  timestamp?: number;
  error?: TechnicalError;
}

/**
 * The witnesses' cosignatures on a checkpoint (C2SP tlog-cosignature): every
 * signature line not made by the log's key, checked against the registered
 * witness keys. Lines by unknown keys are listed, not trusted.
 */
export function checkCosignatures<W extends WitnessLike>(
  note: string,
  checkpointText: string,
  logKey: VerifierKey,
  witnesses: readonly W[],
  nowSeconds = Math.floor(Date.now() / 1000),
): CosignatureCheck<W>[] {
  const keys = witnesses.flatMap((w) => {
    try {
      const key = parseVerifierKey(w.verifierKey);
      return [{ witness: w, key, keyId: cosignatureKeyId(key.name, key.publicKey) }];
    } catch {
      return [];
    }
  });
  const out: CosignatureCheck<W>[] = [];
  for (const line of signatureLines(note)) {
    let name: string;
    let keyId: number;
    try {
      ({ name, keyId } = parseSignatureLine(line));
    } catch {
      continue;
    }
    if (name === logKey.name && keyId === logKey.keyId) continue;
    const known = keys.find((k) => k.key.name === name && k.keyId === keyId);
    const base = { line, name, keyId: formatKeyId(keyId) };
    if (!known) {
      out.push({ ...base, status: "unknown" });
      continue;
    }
    try {
      // A few minutes of clock difference between the witness and this computer are tolerated.
      const c = verifyCosignatureLine(checkpointText, line, known.key, { maxTimestamp: nowSeconds + 300 });
      out.push({ ...base, status: "pass", witness: known.witness, timestamp: c.timestamp });
    } catch (error) {
      out.push({
        ...base,
        status: "fail",
        witness: known.witness,
        error: technical(error),
      });
    }
  }
  return out;
}

export type ConsistencyOutcome = "pass" | "same" | "badLatest" | "shrunk" | "forked" | "fail";

export interface ConsistencyResult {
  status: "pass" | "fail";
  outcome: ConsistencyOutcome;
  values: Record<string, string | number>;
  error?: TechnicalError;
}

/**
 * Whether the log today still contains the tree the receipt was issued
 * against: the latest checkpoint must be signed by the same key, and the
 * consistency proof (RFC 9162 §2.1.4.2) must lead from the receipt's root to
 * the latest root. A log that rewrote history cannot pass this.
 */
export function checkConsistency(
  receiptCheckpoint: Checkpoint,
  logKey: VerifierKey,
  latestNote: string,
  proof: readonly string[] | null,
): ConsistencyResult {
  let latest: Checkpoint;
  try {
    latest = openCheckpoint(latestNote, [ed25519NoteVerifier(logKey)], { origin: receiptCheckpoint.origin }).checkpoint;
  } catch (error) {
    return { status: "fail", outcome: "badLatest", values: {}, error: technical(error) };
  }
  const values = { from: receiptCheckpoint.size, to: latest.size };
  if (latest.size < receiptCheckpoint.size) return { status: "fail", outcome: "shrunk", values };
  if (latest.size === receiptCheckpoint.size) {
    return bytesEqual(latest.rootHash, receiptCheckpoint.rootHash)
      ? { status: "pass", outcome: "same", values }
      : {
          status: "fail",
          outcome: "forked",
          values,
          error: { code: "ROOT_MISMATCH", message: "two signed checkpoints of one size with different roots" },
        };
  }
  if (!proof) return { status: "fail", outcome: "fail", values, error: { code: "NO_PROOF", message: "no proof" } };
  try {
    verifyConsistency(
      receiptCheckpoint.size,
      latest.size,
      proof.map((h) => base64Decode(h)),
      receiptCheckpoint.rootHash,
      latest.rootHash,
    );
    return { status: "pass", outcome: "pass", values };
  } catch (error) {
    return { status: "fail", outcome: "fail", values, error: technical(error) };
  }
}

/** The tree size of a signed checkpoint's body, without checking signatures (to ask for the right proof). */
export function checkpointSize(note: string): number | undefined {
  const size = Number(note.split("\n")[1]);
  return Number.isSafeInteger(size) && size >= 0 ? size : undefined;
}
