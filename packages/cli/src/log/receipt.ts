/**
 * Offline verification of a receipt (concordia-receipt/v1) for the command
 * line: the checks are core's `verifyReceipt` (the same the web page runs);
 * this module only puts its step and outcome codes into English. Pure: the
 * caller reads the files.
 */
import {
  verifyReceipt as coreVerifyReceipt,
  RECEIPT_FORMAT,
  type ReceiptFieldProblem,
  type ReceiptStep,
  type ReceiptStepResult,
  type VerifierKey,
} from "./core.js";

export type StepId =
  | "well-formed"
  | "verifier-key"
  | "leaf-hash"
  | "checkpoint-signature"
  | "checkpoint"
  | "inclusion"
  | "record"
  | "cosignatures"
  | "document";

/** The command line's name of each of core's steps. */
export const CLI_STEP: Record<ReceiptStep, StepId> = {
  wellFormed: "well-formed",
  verifierKey: "verifier-key",
  leafHash: "leaf-hash",
  signature: "checkpoint-signature",
  checkpoint: "checkpoint",
  inclusion: "inclusion",
  content: "record",
  cosignatures: "cosignatures",
  document: "document",
};

export const STEP_TITLES: Record<StepId, string> = {
  "well-formed": "receipt is well-formed",
  "verifier-key": "log verifier key",
  "leaf-hash": "leaf hash = SHA-256(0x00 || record)",
  "checkpoint-signature": "checkpoint signed by the log key",
  checkpoint: "checkpoint matches the receipt (origin, tree size)",
  inclusion: "inclusion proof leads to the checkpoint root",
  record: "the record is JSON text",
  cosignatures: "checkpoint cosigned by the witnesses given",
  document: "the record carries the document's SHA-256",
};

export interface StepResult {
  step: StepId;
  /** Core's outcome code for the step (e.g. "mismatch"); the step is core's `CLI_STEP` counterpart. */
  outcome: string;
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
  /** The first failed step. */
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

const PROBLEMS: Record<ReceiptFieldProblem, string> = {
  missing: "missing",
  notString: "not a string",
  notInteger: "not an integer",
  notArray: "not a list",
  notBase64Hash: "not a SHA-256 hash in standard base64 (44 characters)",
};

const label = (name: string, keyId: string) => `${name}+${keyId}`;

/** The English detail of one step result, given the names of signatures left unchecked. */
function detail(s: ReceiptStepResult, unchecked: readonly string[]): string {
  const lib = s.error?.message ?? "";
  switch (s.step) {
    case "wellFormed":
      switch (s.outcome) {
        case "pass":
          return `${RECEIPT_FORMAT}, entry ${s.data.index} (${s.data.recordType}) of ${s.data.treeSize}`;
        case "notJson":
          return `not JSON: ${lib}`;
        case "wrongFormat":
          return `format: expected "${RECEIPT_FORMAT}", not ${s.data.format === null ? "none" : JSON.stringify(s.data.format)}`;
        case "badFields":
          return s.data.issues.map((i) => `${i.path}: ${PROBLEMS[i.problem]}`).join("; ");
      }
      break;
    case "verifierKey":
      switch (s.outcome) {
        case "pinned":
          return `pinned key ${label(s.data.keyName, s.data.keyId)} (the receipt carries the same)`;
        case "fromReceipt":
          return `${label(s.data.keyName, s.data.keyId)}, taken from the receipt itself (not pinned: use --key)`;
        case "badKey":
          return `the pinned key: ${lib}`;
        case "wrongKeyType":
          return `${label(s.data.keyName, s.data.keyId)} is not an Ed25519 log key (${lib})`;
        case "badReceiptKey":
          return `the receipt's verifier key: ${lib}`;
        case "mismatch":
          return `the receipt carries key ${label(s.data.receiptKeyName, s.data.receiptKeyId)}, not the pinned key ${label(s.data.keyName, s.data.keyId)}`;
      }
      break;
    case "leafHash":
      switch (s.outcome) {
        case "pass":
          return s.data.leafHash;
        case "mismatch":
          return `the record hashes to ${s.data.computed}, the receipt says ${s.data.claimed}`;
        case "notUnicode":
          return "the record is not valid Unicode text";
      }
      break;
    case "signature":
      if (s.outcome === "pass") {
        const others = unchecked.length
          ? `; ${unchecked.length} other signature(s) not checked: ${unchecked.join(", ")}`
          : "";
        return `${label(s.data.keyName, s.data.keyId)}${others}`;
      }
      return lib;
    case "checkpoint":
      switch (s.outcome) {
        case "pass":
          return `${s.data.origin}, size ${s.data.size}, root ${s.data.rootHash}`;
        case "wrongOrigin":
          return `the checkpoint is for log ${JSON.stringify(s.data.checkpointOrigin)}, the receipt says ${JSON.stringify(s.data.receiptOrigin)}`;
        case "sizeMismatch":
          return `the checkpoint's tree size is ${s.data.checkpointSize}, the receipt says ${s.data.treeSize}`;
      }
      break;
    case "inclusion":
      if (s.outcome === "pass") {
        return `entry ${s.data.index} is in the tree of ${s.data.treeSize} entries (${s.data.proofLength} hashes)`;
      }
      if (s.outcome === "fail") return lib;
      break;
    case "content":
      if (s.outcome === "notJson") return "the record is not JSON text";
      break;
    case "cosignatures":
      if (s.outcome === "pass") return `cosigned by ${s.data.verified.join(", ")}`;
      if (s.outcome === "missing") return `no valid cosignature by witness ${s.data.missing.join(", ")}`;
      break;
    case "document":
      if (s.outcome === "pass") return s.data.sha256;
      if (s.outcome === "notInRecord") return `the record does not carry the document's SHA-256 ${s.data.sha256}`;
      break;
  }
  return "";
}

const STATUS = { pass: "ok", fail: "failed", skip: "skipped" } as const;

/** Verifies a receipt given as JSON text or an already parsed value, with core's verifier. Never throws. */
export function verifyReceipt(input: string | unknown, options: VerifyReceiptOptions = {}): ReceiptVerification {
  const v = coreVerifyReceipt(input, {
    key: options.pinnedKey,
    witnessKeys: options.witnessKeys,
    documentSha256: options.documentSha256,
  });
  const witnessNames = (options.witnessKeys ?? []).map((k) => k.name);
  const lines = v.cosignatures ?? [];
  const verified = witnessNames.filter((_, i) => lines.some((c) => c.witness === i && c.status === "pass"));
  const unchecked = lines.map((c) => c.name).filter((n) => !verified.includes(n));
  const steps: StepResult[] = v.steps.map((s) => {
    const step = CLI_STEP[s.step];
    const r: StepResult = { step, outcome: s.outcome, title: STEP_TITLES[step], status: STATUS[s.status], detail: "" };
    if (s.status !== "skip") r.detail = detail(s, unchecked);
    if (s.error) r.code = s.error.code;
    return r;
  });
  const result: ReceiptVerification = { ok: v.valid, trust: v.pinned ? "pinned" : "receipt", steps };
  if (v.cosignatures) result.cosignatures = { verified, unchecked };
  const failed = steps.find((s) => s.status === "failed");
  if (failed) result.failure = { step: failed.step, code: failed.code ?? "ERROR", message: failed.detail };
  if (v.valid && v.receipt && v.checkpoint) {
    const checkpoint = v.steps.find((s) => s.step === "checkpoint");
    result.entry = {
      index: v.receipt.index,
      recordType: v.receipt.recordType,
      origin: v.receipt.origin,
      treeSize: v.checkpoint.size,
      rootHash: checkpoint?.outcome === "pass" ? checkpoint.data.rootHash : "",
    };
  }
  return result;
}
