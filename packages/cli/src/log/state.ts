/**
 * What a witness or monitor remembers between rounds: the last checkpoint it
 * verified (and, for a monitor, the compact range of the tree at that size, to
 * recompute the next root from new entries alone). Written atomically, and
 * re-verified with the pinned log key when read back.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import {
  base64Decode,
  base64Encode,
  bytesEqual,
  type Checkpoint,
  type CompactRange,
  compactRangeRoot,
  type NoteVerifier,
  openCheckpoint,
} from "./core.js";
import { errorMessage, VerificationFailure } from "./errors.js";

export const STATE_FORMAT = "concordia-log-state/v1";

export interface LogState {
  /** The verified checkpoint. */
  checkpoint: Checkpoint;
  /** The signed note it came from. */
  note: string;
  /** Monitor only: the peaks of the tree at checkpoint.size. */
  range?: CompactRange;
}

interface StateFile {
  format: typeof STATE_FORMAT;
  origin: string;
  size: number;
  rootHash: string;
  checkpoint: string;
  peaks?: string[];
  updatedAt: string;
}

function popcount(n: number): number {
  let c = 0;
  for (; n > 0; n = Math.floor(n / 2)) c += n % 2;
  return c;
}

/**
 * Reads a state file; null when it does not exist yet. The stored checkpoint
 * must still verify under `verifier` (a state file recorded under another log
 * key, or edited by hand, is refused).
 */
export function loadState(path: string, verifier: NoteVerifier): LogState | null {
  if (!existsSync(path)) return null;
  const bad = (why: string): never => {
    throw new VerificationFailure("BAD_STATE", `state file ${path}: ${why}`);
  };
  let data: StateFile;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    return bad(`not readable JSON (${errorMessage(err)})`);
  }
  if (data?.format !== STATE_FORMAT || typeof data.checkpoint !== "string") return bad(`not a ${STATE_FORMAT} file`);
  let checkpoint: Checkpoint;
  try {
    ({ checkpoint } = openCheckpoint(data.checkpoint, [verifier]));
  } catch (err) {
    return bad(`its checkpoint does not verify with this log key (${errorMessage(err)})`);
  }
  if (checkpoint.size !== data.size || base64Encode(checkpoint.rootHash) !== data.rootHash) {
    return bad("size or root hash differ from its checkpoint");
  }
  const state: LogState = { checkpoint, note: data.checkpoint };
  if (data.peaks !== undefined) {
    let peaks: Uint8Array[];
    try {
      peaks = data.peaks.map((p) => base64Decode(p));
    } catch {
      return bad("a peak is not base64");
    }
    const range = { size: checkpoint.size, peaks };
    if (peaks.length !== popcount(checkpoint.size) || !bytesEqual(compactRangeRoot(range), checkpoint.rootHash)) {
      return bad("its tree peaks do not match the checkpoint root");
    }
    state.range = range;
  }
  return state;
}

/** Writes the state atomically (temporary file, then rename). */
export function saveState(path: string, state: LogState, now = new Date()): void {
  const data: StateFile = {
    format: STATE_FORMAT,
    origin: state.checkpoint.origin,
    size: state.checkpoint.size,
    rootHash: base64Encode(state.checkpoint.rootHash),
    checkpoint: state.note,
    ...(state.range ? { peaks: state.range.peaks.map((p) => base64Encode(p)) } : {}),
    updatedAt: now.toISOString(),
  };
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(tmp, path);
}
