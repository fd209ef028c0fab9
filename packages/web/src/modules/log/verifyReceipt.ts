/**
 * Client-side verification of a Concordia receipt ("concordia-receipt/v1"):
 * the checks are core's `verifyReceipt` (the same the command line runs),
 * pure and synchronous, so the browser recomputes every hash and checks every
 * signature itself, trusting nothing the server says about the receipt. This
 * module only adds what the page needs around core's step and outcome codes,
 * which VerifySteps puts into words (`log.verify.steps.<step>.<outcome>`).
 */
import {
  base64Decode,
  bytesEqual,
  type Checkpoint,
  checkCosignatures as coreCheckCosignatures,
  verifyReceipt as coreVerifyReceipt,
  ed25519NoteVerifier,
  type LogReceipt,
  openCheckpoint,
  parseSignatureLine,
  parseVerifierKey,
  type ReceiptStep,
  type ReceiptStepResult,
  type ReceiptStepStatus,
  type VerifierKey,
  verifyConsistency,
} from "@concordia/core";

export type StepStatus = ReceiptStepStatus;
/** The steps the page runs: core's, without the witnesses and document checks it never asks for. */
export type StepId = Exclude<ReceiptStep, "cosignatures" | "document">;
export type StepResult = Extract<ReceiptStepResult, { step: StepId }>;

const isPageStep = (s: ReceiptStepResult): s is StepResult => s.step !== "cosignatures" && s.step !== "document";

export interface TechnicalError {
  /** The typed error code of the core library (e.g. ROOT_MISMATCH), or one of core's receipt verifier. */
  code: string;
  /** The library's own message, in English, when there is one. */
  message?: string;
}

function technical(error: unknown): TechnicalError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === "string" ? code : error.name, message: error.message };
  }
  return { code: "ERROR", message: String(error) };
}

/** Where the log key came from; the weaker the source, the louder the page says so. */
export type KeySource = "user" | "server" | "receipt";

export interface VerifyOptions {
  /** The log's verifier key to check the checkpoint with; the receipt's own key when absent. */
  key?: string;
  keySource: KeySource;
}

export interface Verification {
  status: "pass" | "fail";
  /** Core's steps, in order. */
  steps: StepResult[];
  receipt?: LogReceipt;
  /** The checkpoint, once its signature verified. */
  checkpoint?: Checkpoint;
  /** The checkpoint body (the signed text), once its signature verified. */
  checkpointText?: string;
  /** The log key the checkpoint verified with. */
  logKey?: VerifierKey;
  keySource: KeySource;
  /** The record, pretty-printed when it is JSON. */
  content?: { text: string; json: boolean };
}

function prettyRecord(record: string): { text: string; json: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(record), null, 2), json: true };
  } catch {
    return { text: record, json: false };
  }
}

/** Verifies a receipt given as JSON text with core's verifier. Never throws: every problem is a failed step. */
export function verifyReceipt(text: string, options: VerifyOptions): Verification {
  const v = coreVerifyReceipt(text, { key: options.key });
  const signed =
    v.checkpoint && v.note ? { checkpoint: v.checkpoint, checkpointText: v.note.text, logKey: v.logKey } : {};
  return {
    status: v.valid ? "pass" : "fail",
    steps: v.steps.filter(isPageStep),
    receipt: v.receipt,
    ...signed,
    keySource: options.keySource,
    content: v.receipt ? prettyRecord(v.receipt.record) : undefined,
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
 * signature line not made by the log's key, checked by core against the
 * registered witness keys. Lines by unknown keys are listed, not trusted; a
 * few minutes of clock difference between a witness and this computer are
 * tolerated.
 */
export function checkCosignatures<W extends WitnessLike>(
  note: string,
  checkpointText: string,
  logKey: VerifierKey,
  witnesses: readonly W[],
  nowSeconds = Math.floor(Date.now() / 1000),
): CosignatureCheck<W>[] {
  const registered = witnesses.flatMap((w) => {
    try {
      return [{ witness: w, key: parseVerifierKey(w.verifierKey) }];
    } catch {
      return [];
    }
  });
  const unverifiedSignatures = signatureLines(note).flatMap((line) => {
    try {
      const sig = parseSignatureLine(line);
      return sig.name === logKey.name && sig.keyId === logKey.keyId ? [] : [sig];
    } catch {
      return [];
    }
  });
  return coreCheckCosignatures(
    { text: checkpointText, unverifiedSignatures },
    registered.map((r) => r.key),
    { nowSeconds },
  ).map(({ witness, ...c }) => ({ ...c, ...(witness === undefined ? {} : { witness: registered[witness]!.witness }) }));
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
