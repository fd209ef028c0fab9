// The codes of a receipt verification (steps, outcomes, their data) and the result's shape, shared by
// the verifier (receipt.ts) and by every client that puts them into words (web page, CLI).
import type { Checkpoint } from "./checkpoint.js";
import type { VerifierKey } from "./keys.js";
import type { OpenedNote } from "./note.js";

export const RECEIPT_FORMAT = "concordia-receipt/v1";

/** A well-formed receipt: what anyone needs to check, offline, that a record is in the log. */
export interface LogReceipt {
  format: typeof RECEIPT_FORMAT;
  origin: string;
  /** C2SP note verifier key: <name>+<hex key id>+<base64 key>. */
  verifierKey: string;
  index: number;
  recordType: string;
  /** The canonical JSON of the record; the leaf is its UTF-8 bytes. */
  record: string;
  /** Standard base64 of a SHA-256 hash. */
  leafHash: string;
  treeSize: number;
  inclusionProof: string[];
  /** C2SP tlog-checkpoint in a signed note. */
  checkpoint: string;
}

export type ReceiptFieldProblem = "missing" | "notString" | "notInteger" | "notArray" | "notBase64Hash";

export interface ReceiptFieldIssue {
  /** The field, e.g. "leafHash" or "inclusionProof.2". */
  path: string;
  problem: ReceiptFieldProblem;
}

export interface KeyData {
  keyName: string;
  /** 8 hexadecimal digits. */
  keyId: string;
}

/** Each step, each outcome it can have, and the data that comes with that outcome. */
export interface ReceiptStepOutcomes {
  wellFormed: {
    pass: { index: number; treeSize: number; recordType: string };
    notJson: Record<string, never>;
    /** `format` is the receipt's format field, or null when absent or not a string. */
    wrongFormat: { format: string | null };
    badFields: { issues: ReceiptFieldIssue[] };
  };
  leafHash: {
    pass: { leafHash: string };
    mismatch: { computed: string; claimed: string };
    notUnicode: Record<string, never>;
    skip: Record<string, never>;
  };
  verifierKey: {
    /** The caller's key, which the receipt names too. */
    pinned: KeyData;
    /** No key given: the receipt's own key (only shows the receipt is consistent with itself). */
    fromReceipt: KeyData;
    /** The caller's key is not a verifier key. */
    badKey: Record<string, never>;
    /** The key is not an Ed25519 note key (e.g. a witness key). */
    wrongKeyType: KeyData;
    /** The receipt's own key is not a verifier key. */
    badReceiptKey: Record<string, never>;
    /** The receipt names another key than the caller's. */
    mismatch: KeyData & { receiptKeyName: string; receiptKeyId: string };
    skip: Record<string, never>;
  };
  signature: {
    pass: KeyData;
    /** No signature by the key: signed by another key. */
    noSignature: KeyData;
    /** A signature in the key's name that does not verify: the checkpoint was altered. */
    badSignature: KeyData;
    badNote: Record<string, never>;
    badCheckpoint: Record<string, never>;
    skip: Record<string, never>;
  };
  checkpoint: {
    pass: { origin: string; size: number; rootHash: string };
    wrongOrigin: { checkpointOrigin: string; receiptOrigin: string };
    sizeMismatch: { checkpointSize: number; treeSize: number };
    skip: Record<string, never>;
  };
  inclusion: {
    pass: { index: number; treeSize: number; proofLength: number };
    fail: { index: number; treeSize: number; proofLength: number };
    /** The checkpoint was not verified, or is not the receipt's. */
    skip: Record<string, never>;
    /** The record does not match its leaf hash: proving the hash would say nothing about the record. */
    skipLeaf: Record<string, never>;
  };
  content: {
    pass: Record<string, never>;
    notJson: Record<string, never>;
    /** An earlier step failed. */
    unproven: Record<string, never>;
    /** No record to show. */
    skip: Record<string, never>;
  };
  cosignatures: {
    pass: { verified: string[] };
    missing: { verified: string[]; missing: string[] };
    skip: Record<string, never>;
  };
  document: {
    pass: { sha256: string };
    notInRecord: { sha256: string };
    skip: Record<string, never>;
  };
}

export type ReceiptStep = keyof ReceiptStepOutcomes;
export type ReceiptOutcome<S extends ReceiptStep = ReceiptStep> = S extends ReceiptStep
  ? keyof ReceiptStepOutcomes[S] & string
  : never;
export type ReceiptStepStatus = "pass" | "fail" | "skip";

export interface ReceiptStepError {
  /** Stable and machine-readable: the core library's code (ROOT_MISMATCH, INVALID_SIGNATURE, ...) or one of this module's. */
  code: string;
  /** The library's own English message, when the failure came from a library error; for diagnostics only. */
  message?: string;
}

export type ReceiptStepResult = {
  [S in ReceiptStep]: {
    [O in ReceiptOutcome<S>]: {
      step: S;
      outcome: O;
      status: ReceiptStepStatus;
      data: ReceiptStepOutcomes[S][O];
      /** Set on every failed step. */
      error?: ReceiptStepError;
    };
  }[ReceiptOutcome<S>];
}[ReceiptStep];

/** The steps in the order they are reported (cosignatures and document only when asked for). */
export const RECEIPT_STEPS = [
  "wellFormed",
  "leafHash",
  "verifierKey",
  "signature",
  "checkpoint",
  "inclusion",
  "content",
  "cosignatures",
  "document",
] as const satisfies readonly ReceiptStep[];

/** Every outcome of every step, e.g. to check that each has a wording. */
export const RECEIPT_OUTCOMES: { readonly [S in ReceiptStep]: readonly ReceiptOutcome<S>[] } = {
  wellFormed: ["pass", "notJson", "wrongFormat", "badFields"],
  leafHash: ["pass", "mismatch", "notUnicode", "skip"],
  verifierKey: ["pinned", "fromReceipt", "badKey", "wrongKeyType", "badReceiptKey", "mismatch", "skip"],
  signature: ["pass", "noSignature", "badSignature", "badNote", "badCheckpoint", "skip"],
  checkpoint: ["pass", "wrongOrigin", "sizeMismatch", "skip"],
  inclusion: ["pass", "fail", "skip", "skipLeaf"],
  content: ["pass", "notJson", "unproven", "skip"],
  cosignatures: ["pass", "missing", "skip"],
  document: ["pass", "notInRecord", "skip"],
};

const PASSING = new Set<string>(["pass", "pinned", "fromReceipt"]);
const SKIPPED = new Set<string>(["skip", "skipLeaf", "unproven"]);

/** The status an outcome stands for. */
export function receiptOutcomeStatus(outcome: string): ReceiptStepStatus {
  return PASSING.has(outcome) ? "pass" : SKIPPED.has(outcome) ? "skip" : "fail";
}

/** One cosignature line on the checkpoint (any signature not by the log key), checked against the witness keys given. */
export interface CosignatureCheck {
  /** The signature line, with its final newline. */
  line: string;
  name: string;
  /** 8 hexadecimal digits. */
  keyId: string;
  /** pass: a valid cosignature by a given witness key; fail: in such a key's name but invalid; unknown: no such key. */
  status: "pass" | "fail" | "unknown";
  /** Index of the matching key in the witness keys given. */
  witness?: number;
  /** When the witness signed, in POSIX seconds (once verified). */
  timestamp?: number;
  error?: ReceiptStepError;
}

/** Cosignatures dated up to this many seconds after `nowSeconds` are accepted (clock differences). */
export const COSIGNATURE_CLOCK_SKEW_SECONDS = 300;

export interface VerifyReceiptOptions {
  /**
   * The log's verifier key, obtained independently (text or parsed). The
   * receipt must name the same key. Without it (or when blank) the receipt's
   * own key is used, which only shows the receipt is consistent with itself.
   */
  key?: string | VerifierKey;
  /** Witness keys whose valid cosignature must be on the checkpoint (adds the cosignatures step). */
  witnessKeys?: readonly VerifierKey[];
  /** SHA-256 (hex) of a document the record must carry, e.g. a notarized file's (adds the document step). */
  documentSha256?: string;
  /** The current time in POSIX seconds: when given, cosignatures dated later (beyond the skew) are invalid. */
  nowSeconds?: number;
}

export interface ReceiptVerification {
  /** Every step passed. */
  valid: boolean;
  steps: ReceiptStepResult[];
  /** Whether a key was given (pinned) rather than taken from the receipt. */
  pinned: boolean;
  /** The receipt, once well-formed (only its known fields). */
  receipt?: LogReceipt;
  /** The key the checkpoint signature was checked with. */
  logKey?: VerifierKey;
  /** The checkpoint and its opened note, once the signature verified. */
  checkpoint?: Checkpoint;
  note?: OpenedNote;
  /** Every signature on the checkpoint besides the log's, once the signature verified. */
  cosignatures?: CosignatureCheck[];
}
