/**
 * The check a witness and a monitor share: is the log's latest checkpoint
 * signed by the pinned key, and an append-only extension of the last one we
 * verified? Any "no" is a VerificationFailure: a log that rolls back, forks
 * (same size, other root) or cannot prove consistency must raise an alarm.
 */
import {
  base64Encode,
  bytesEqual,
  type Checkpoint,
  type NoteVerifier,
  type OpenedNote,
  openCheckpoint,
  verifyConsistency,
} from "./core.js";
import { errorCode, errorMessage, VerificationFailure } from "./errors.js";
import type { LogFeed } from "./http.js";
import type { LogState } from "./state.js";

export interface Advance {
  previous: Checkpoint | null;
  checkpoint: Checkpoint;
  /** The signed note as served (may carry cosignatures). */
  signedNote: string;
  note: OpenedNote;
  /** "first": no previous state (trusted on first use); "same": unchanged; "grew": proven consistent. */
  kind: "first" | "same" | "grew";
  /** Hashes in the consistency proof that was verified (0 unless grew from a non-empty tree). */
  proofLength: number;
}

/** Opens a checkpoint note with the pinned log key; a bad signature is an alarm. */
export function openLogCheckpoint(
  signedNote: string,
  verifier: NoteVerifier,
): { checkpoint: Checkpoint; note: OpenedNote } {
  try {
    return openCheckpoint(signedNote, [verifier]);
  } catch (err) {
    throw new VerificationFailure(
      errorCode(err, "BAD_CHECKPOINT"),
      `the log's checkpoint does not verify with the pinned log key: ${errorMessage(err)}`,
      "checkpoint signature",
    );
  }
}

/**
 * Decides whether `checkpoint` may follow `previous`, fetching a consistency
 * proof when the tree grew. Throws VerificationFailure on any inconsistency.
 */
export async function checkAdvance(
  previous: Checkpoint | null,
  checkpoint: Checkpoint,
  feed: Pick<LogFeed, "consistencyProof">,
): Promise<{ kind: Advance["kind"]; proofLength: number }> {
  if (previous === null) return { kind: "first", proofLength: 0 };
  const was = `${previous.size} (root ${base64Encode(previous.rootHash)})`;
  const now = `${checkpoint.size} (root ${base64Encode(checkpoint.rootHash)})`;
  if (checkpoint.origin !== previous.origin) {
    throw new VerificationFailure(
      "ORIGIN_CHANGED",
      `the checkpoint is for log ${JSON.stringify(checkpoint.origin)}, we follow ${JSON.stringify(previous.origin)}`,
      "origin",
    );
  }
  if (checkpoint.size < previous.size) {
    throw new VerificationFailure(
      "SIZE_DECREASED",
      `the log shrank from ${was} to ${now}: a log never loses entries (rollback or split view)`,
      "tree size",
    );
  }
  if (checkpoint.size === previous.size) {
    if (!bytesEqual(checkpoint.rootHash, previous.rootHash)) {
      throw new VerificationFailure(
        "FORK",
        `two different trees of size ${checkpoint.size}: we saw root ${base64Encode(previous.rootHash)}, now ${base64Encode(checkpoint.rootHash)} (split view)`,
        "same size, same root",
      );
    }
    return { kind: "same", proofLength: 0 };
  }
  // Every tree extends the empty one: nothing to prove.
  if (previous.size === 0) return { kind: "grew", proofLength: 0 };
  const proof = await feed.consistencyProof(previous.size, checkpoint.size);
  try {
    verifyConsistency(previous.size, checkpoint.size, proof, previous.rootHash, checkpoint.rootHash);
  } catch (err) {
    throw new VerificationFailure(
      "INCONSISTENT",
      `the tree of ${now} is not proven to extend ${was}: [${errorCode(err, "BAD_PROOF")}] ${errorMessage(err)}`,
      "consistency proof",
    );
  }
  return { kind: "grew", proofLength: proof.length };
}

/**
 * Fetches the latest checkpoint and checks it against `state`. Returns null
 * when the log has no checkpoint yet.
 */
export async function fetchAndCheck(
  feed: Pick<LogFeed, "checkpoint" | "consistencyProof">,
  verifier: NoteVerifier,
  state: LogState | null,
): Promise<Advance | null> {
  const signedNote = await feed.checkpoint();
  if (signedNote === null) return null;
  const { checkpoint, note } = openLogCheckpoint(signedNote, verifier);
  const previous = state?.checkpoint ?? null;
  const { kind, proofLength } = await checkAdvance(previous, checkpoint, feed);
  return { previous, checkpoint, signedNote, note, kind, proofLength };
}
