/**
 * Verification of a Concordia receipt ("concordia-receipt/v1"), step by step,
 * as a careful third party does it: nothing the receipt says is believed until
 * checked. Pure and synchronous (no I/O, no clock unless given): the web page
 * and the command line both call this one function and only put its codes
 * into words.
 *
 *   wellFormed    the receipt has the v1 shape (the same rules as the contracts' `Receipt` schema);
 *   leafHash      SHA-256(0x00 || UTF-8 bytes of the record) is the receipt's leaf hash (RFC 6962 §2.1);
 *   verifierKey   the log key to check with: the caller's (pinned), which the receipt must also name, or the receipt's own;
 *   signature     the checkpoint is a note signed by that key (C2SP signed-note, tlog-checkpoint);
 *   checkpoint    the checkpoint is for the receipt's origin and tree size;
 *   inclusion     the inclusion proof leads from the leaf to the signed root (RFC 9162 §2.1.3.2);
 *   content       the record is JSON text, shown as proven only when every step before passed;
 *   cosignatures  (when witness keys are given) each of them cosigned the checkpoint (C2SP tlog-cosignature);
 *   document      (when a document digest is given) the record carries that SHA-256.
 *
 * The result carries codes only: a step, an outcome, a status, the numbers and
 * identifiers the wording needs, and for a failure a stable error code (the
 * core library's own, e.g. ROOT_MISMATCH, or one of this module's).
 */
import { type Checkpoint, CheckpointError, openCheckpoint } from "./checkpoint.js";
import { cosignatureKeyId, verifyCosignatureLine } from "./cosignature.js";
import { base64Decode, base64Encode, bytesEqual } from "./encoding.js";
import { leafHash as rfc6962LeafHash } from "./hash.js";
import {
  ed25519NoteVerifier,
  formatKeyId,
  parseVerifierKey,
  SIGNATURE_TYPE_ED25519,
  type VerifierKey,
} from "./keys.js";
import { formatSignatureLine, NoteError, type NoteSignature, type OpenedNote } from "./note.js";
import {
  COSIGNATURE_CLOCK_SKEW_SECONDS,
  type CosignatureCheck,
  type KeyData,
  type LogReceipt,
  RECEIPT_FORMAT,
  RECEIPT_OUTCOMES,
  RECEIPT_STEPS,
  type ReceiptFieldIssue,
  type ReceiptFieldProblem,
  type ReceiptOutcome,
  type ReceiptStep,
  type ReceiptStepError,
  type ReceiptStepOutcomes,
  type ReceiptStepResult,
  type ReceiptStepStatus,
  type ReceiptVerification,
  receiptOutcomeStatus,
  type VerifyReceiptOptions,
} from "./receipt-types.js";
import { verifyInclusion } from "./verify.js";

type Data<S extends ReceiptStep, O extends ReceiptOutcome<S>> = ReceiptStepOutcomes[S][O];

function result<S extends ReceiptStep, O extends ReceiptOutcome<S>>(
  step: S,
  outcome: O,
  data: Data<S, O>,
  error?: ReceiptStepError,
): ReceiptStepResult {
  const status = receiptOutcomeStatus(outcome);
  const r = { step, outcome, status, data } as ReceiptStepResult;
  if (status === "fail") r.error = error ?? { code: outcome };
  return r;
}

/** The data of outcomes that need none (shared, hence frozen). */
const none = Object.freeze({}) as Record<string, never>;

function libraryError(error: unknown, fallback: string): ReceiptStepError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === "string" ? code : fallback, message: error.message };
  }
  return { code: fallback, message: String(error) };
}

// ---------------------------------------------------------------- well-formed

const BASE64_HASH = /^[A-Za-z0-9+/]{43}=$/;
const STRING_FIELDS = ["origin", "verifierKey", "recordType", "record", "checkpoint"] as const;
const INTEGER_FIELDS = ["index", "treeSize"] as const;

type Shape =
  | { receipt: LogReceipt }
  | { outcome: "wrongFormat"; format: string | null }
  | { outcome: "badFields"; issues: ReceiptFieldIssue[] };

/** The receipt's shape, checked field by field (the rules of the contracts' `Receipt` schema). */
function checkShape(value: unknown): Shape {
  const obj = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (obj.format !== RECEIPT_FORMAT) {
    return { outcome: "wrongFormat", format: typeof obj.format === "string" ? obj.format : null };
  }
  const issues: ReceiptFieldIssue[] = [];
  const present = (field: string) => obj[field] !== undefined;
  for (const f of STRING_FIELDS) {
    if (!present(f)) issues.push({ path: f, problem: "missing" });
    else if (typeof obj[f] !== "string") issues.push({ path: f, problem: "notString" });
  }
  for (const f of INTEGER_FIELDS) {
    if (!present(f)) issues.push({ path: f, problem: "missing" });
    else if (typeof obj[f] !== "number" || !Number.isSafeInteger(obj[f]))
      issues.push({ path: f, problem: "notInteger" });
  }
  const hash = (path: string, v: unknown) => {
    if (typeof v !== "string") issues.push({ path, problem: "notString" });
    else if (!BASE64_HASH.test(v)) issues.push({ path, problem: "notBase64Hash" });
  };
  if (!present("leafHash")) issues.push({ path: "leafHash", problem: "missing" });
  else hash("leafHash", obj.leafHash);
  if (!present("inclusionProof")) issues.push({ path: "inclusionProof", problem: "missing" });
  else if (!Array.isArray(obj.inclusionProof)) issues.push({ path: "inclusionProof", problem: "notArray" });
  else {
    for (const [i, h] of obj.inclusionProof.entries()) hash(`inclusionProof.${i}`, h);
  }
  if (issues.length > 0) return { outcome: "badFields", issues };
  return {
    receipt: {
      format: RECEIPT_FORMAT,
      origin: obj.origin as string,
      verifierKey: obj.verifierKey as string,
      index: obj.index as number,
      recordType: obj.recordType as string,
      record: obj.record as string,
      leafHash: obj.leafHash as string,
      treeSize: obj.treeSize as number,
      inclusionProof: [...(obj.inclusionProof as string[])],
      checkpoint: obj.checkpoint as string,
    },
  };
}

// ---------------------------------------------------------------- helpers

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function keyData(key: { name: string; keyId: number }): KeyData {
  return { keyName: key.name, keyId: formatKeyId(key.keyId) };
}

function sameKey(a: VerifierKey, b: VerifierKey): boolean {
  return a.name === b.name && a.type === b.type && a.keyId === b.keyId && bytesEqual(a.publicKey, b.publicKey);
}

/** Whether `record` (JSON) carries `sha256Hex` as a string value anywhere (case-insensitive). */
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

/**
 * The cosignatures on a checkpoint (C2SP tlog-cosignature): each signature
 * not made by the log key (`note.unverifiedSignatures` of a note opened with
 * the log key), checked against the witness keys given. A line is matched to
 * a key by name and cosignature key ID; lines by other keys are "unknown".
 */
export function checkCosignatures(
  note: Pick<OpenedNote, "text" | "unverifiedSignatures">,
  witnessKeys: readonly VerifierKey[],
  options: { nowSeconds?: number } = {},
): CosignatureCheck[] {
  const ids = witnessKeys.map((k) => cosignatureKeyId(k.name, k.publicKey));
  const maxTimestamp =
    options.nowSeconds === undefined ? undefined : options.nowSeconds + COSIGNATURE_CLOCK_SKEW_SECONDS;
  return note.unverifiedSignatures.map((sig: NoteSignature): CosignatureCheck => {
    const line = formatSignatureLine(sig);
    const base = { line, name: sig.name, keyId: formatKeyId(sig.keyId) };
    const witness = witnessKeys.findIndex((k, i) => k.name === sig.name && ids[i] === sig.keyId);
    if (witness < 0) return { ...base, status: "unknown" };
    try {
      const c = verifyCosignatureLine(note.text, line, witnessKeys[witness]!, { maxTimestamp });
      return { ...base, status: "pass", witness, timestamp: c.timestamp };
    } catch (error) {
      return { ...base, status: "fail", witness, error: libraryError(error, "INVALID_COSIGNATURE") };
    }
  });
}

// ---------------------------------------------------------------- the verifier

const AFTER_WELL_FORMED = ["leafHash", "verifierKey", "signature", "checkpoint", "inclusion"] as const;

/**
 * Verifies a receipt given as JSON text or as an already parsed value. Never
 * throws: every problem is a failed step. Independent steps are all checked
 * (a changed record does not stop the signature check); a step that depends
 * on a failed one is skipped.
 */
export function verifyReceipt(input: unknown, options: VerifyReceiptOptions = {}): ReceiptVerification {
  const givenKey = typeof options.key === "string" ? options.key.trim() || undefined : options.key;
  const pinned = givenKey !== undefined;
  const wantCosignatures = (options.witnessKeys?.length ?? 0) > 0;
  const wantDocument = options.documentSha256 !== undefined;
  const steps: ReceiptStepResult[] = [];
  const done = (extra: Omit<ReceiptVerification, "valid" | "steps" | "pinned"> = {}): ReceiptVerification => ({
    valid: steps.every((s) => s.status === "pass"),
    steps,
    pinned,
    ...extra,
  });

  // wellFormed
  let value = input;
  let shape: Shape | undefined;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      steps.push(result("wellFormed", "notJson", none, { code: "NOT_JSON", message: libraryError(error, "").message }));
    }
  }
  if (steps.length === 0) shape = checkShape(value);
  if (shape && "receipt" in shape) {
    const r = shape.receipt;
    steps.push(result("wellFormed", "pass", { index: r.index, treeSize: r.treeSize, recordType: r.recordType }));
  } else {
    if (shape?.outcome === "wrongFormat") {
      steps.push(result("wellFormed", "wrongFormat", { format: shape.format }, { code: "WRONG_FORMAT" }));
    } else if (shape?.outcome === "badFields") {
      steps.push(result("wellFormed", "badFields", { issues: shape.issues }, { code: "MALFORMED_RECEIPT" }));
    }
    for (const s of AFTER_WELL_FORMED) steps.push(result(s, "skip", none));
    steps.push(result("content", "skip", none));
    if (wantCosignatures) steps.push(result("cosignatures", "skip", none));
    if (wantDocument) steps.push(result("document", "skip", none));
    return done();
  }
  const receipt = shape.receipt;

  // leafHash
  let leaf: Uint8Array | undefined;
  if (LONE_SURROGATE.test(receipt.record)) {
    steps.push(result("leafHash", "notUnicode", none, { code: "NOT_UNICODE" }));
  } else {
    const computed = rfc6962LeafHash(new TextEncoder().encode(receipt.record));
    if (bytesEqual(computed, base64Decode(receipt.leafHash))) {
      leaf = computed;
      steps.push(result("leafHash", "pass", { leafHash: receipt.leafHash }));
    } else {
      steps.push(
        result(
          "leafHash",
          "mismatch",
          { computed: base64Encode(computed), claimed: receipt.leafHash },
          { code: "LEAF_HASH_MISMATCH" },
        ),
      );
    }
  }

  // verifierKey
  let logKey: VerifierKey | undefined;
  {
    let given: VerifierKey | undefined;
    let givenError: ReceiptStepError | undefined;
    if (typeof givenKey === "string") {
      try {
        given = parseVerifierKey(givenKey);
      } catch (error) {
        givenError = libraryError(error, "MALFORMED_KEY");
      }
    } else given = givenKey;
    let carried: VerifierKey | undefined;
    let carriedError: ReceiptStepError | undefined;
    try {
      carried = parseVerifierKey(receipt.verifierKey);
    } catch (error) {
      carriedError = libraryError(error, "MALFORMED_KEY");
    }
    const candidate = pinned ? given : carried;
    if (givenError) {
      steps.push(result("verifierKey", "badKey", none, givenError));
    } else if (candidate && candidate.type !== SIGNATURE_TYPE_ED25519) {
      steps.push(
        result("verifierKey", "wrongKeyType", keyData(candidate), {
          code: "UNKNOWN_ALGORITHM",
          message: `signature type 0x${candidate.type.toString(16).padStart(2, "0")}`,
        }),
      );
    } else if (!carried) {
      logKey = candidate;
      steps.push(result("verifierKey", "badReceiptKey", none, carriedError));
    } else if (given && !sameKey(given, carried)) {
      logKey = given;
      steps.push(
        result(
          "verifierKey",
          "mismatch",
          { ...keyData(given), receiptKeyName: carried.name, receiptKeyId: formatKeyId(carried.keyId) },
          { code: "KEY_MISMATCH" },
        ),
      );
    } else {
      logKey = candidate;
      steps.push(result("verifierKey", pinned ? "pinned" : "fromReceipt", keyData(carried)));
    }
  }

  // signature
  let checkpoint: Checkpoint | undefined;
  let note: OpenedNote | undefined;
  if (!logKey) {
    steps.push(result("signature", "skip", none));
  } else {
    const data = keyData(logKey);
    try {
      ({ checkpoint, note } = openCheckpoint(receipt.checkpoint, [ed25519NoteVerifier(logKey)]));
      steps.push(result("signature", "pass", data));
    } catch (error) {
      const err = libraryError(error, "BAD_CHECKPOINT");
      if (error instanceof NoteError && error.code === "NO_VERIFIED_SIGNATURE") {
        steps.push(result("signature", "noSignature", data, err));
      } else if (error instanceof NoteError && error.code === "INVALID_SIGNATURE") {
        steps.push(result("signature", "badSignature", data, err));
      } else if (error instanceof CheckpointError) {
        steps.push(result("signature", "badCheckpoint", none, err));
      } else {
        steps.push(result("signature", "badNote", none, err));
      }
    }
  }

  // checkpoint
  let checkpointMatches = false;
  if (!checkpoint) {
    steps.push(result("checkpoint", "skip", none));
  } else if (checkpoint.origin !== receipt.origin) {
    steps.push(
      result(
        "checkpoint",
        "wrongOrigin",
        { checkpointOrigin: checkpoint.origin, receiptOrigin: receipt.origin },
        { code: "ORIGIN_MISMATCH" },
      ),
    );
  } else if (checkpoint.size !== receipt.treeSize) {
    steps.push(
      result(
        "checkpoint",
        "sizeMismatch",
        { checkpointSize: checkpoint.size, treeSize: receipt.treeSize },
        { code: "SIZE_MISMATCH" },
      ),
    );
  } else {
    checkpointMatches = true;
    steps.push(
      result("checkpoint", "pass", {
        origin: checkpoint.origin,
        size: checkpoint.size,
        rootHash: base64Encode(checkpoint.rootHash),
      }),
    );
  }

  // inclusion
  if (!leaf) {
    steps.push(result("inclusion", "skipLeaf", none));
  } else if (!checkpoint || !checkpointMatches) {
    steps.push(result("inclusion", "skip", none));
  } else {
    const proof = receipt.inclusionProof.map((h) => base64Decode(h));
    const data = { index: receipt.index, treeSize: receipt.treeSize, proofLength: proof.length };
    try {
      verifyInclusion(leaf, receipt.index, receipt.treeSize, proof, checkpoint.rootHash);
      steps.push(result("inclusion", "pass", data));
    } catch (error) {
      steps.push(result("inclusion", "fail", data, libraryError(error, "BAD_PROOF")));
    }
  }

  // content
  if (!steps.every((s) => s.status === "pass")) {
    steps.push(result("content", "unproven", none));
  } else {
    let json = true;
    try {
      JSON.parse(receipt.record);
    } catch {
      json = false;
    }
    steps.push(
      json ? result("content", "pass", none) : result("content", "notJson", none, { code: "RECORD_NOT_JSON" }),
    );
  }

  // cosignatures
  const cosignatures = note ? checkCosignatures(note, options.witnessKeys ?? [], options) : undefined;
  if (wantCosignatures) {
    const keys = options.witnessKeys ?? [];
    if (!cosignatures) {
      steps.push(result("cosignatures", "skip", none));
    } else {
      const verified = keys.filter((_, i) => cosignatures.some((c) => c.witness === i && c.status === "pass"));
      const missing = keys.filter((k) => !verified.includes(k)).map((k) => k.name);
      const names = verified.map((k) => k.name);
      steps.push(
        missing.length === 0
          ? result("cosignatures", "pass", { verified: names })
          : result("cosignatures", "missing", { verified: names, missing }, { code: "MISSING_COSIGNATURE" }),
      );
    }
  }

  // document
  if (options.documentSha256 !== undefined) {
    const sha256 = options.documentSha256.toLowerCase();
    steps.push(
      recordMentionsDigest(receipt.record, sha256)
        ? result("document", "pass", { sha256 })
        : result("document", "notInRecord", { sha256 }, { code: "DIGEST_NOT_IN_RECORD" }),
    );
  }

  return done({ receipt, logKey, checkpoint, note, cosignatures });
}
