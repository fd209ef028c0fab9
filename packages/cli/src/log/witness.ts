/**
 * A member-state witness (C2SP tlog-witness in spirit): it cosigns a
 * checkpoint only after checking it is signed by the pinned log key and is an
 * append-only extension of the last checkpoint it cosigned, and it records
 * that checkpoint before handing out the cosignature, so it can never be made
 * to cosign two incompatible histories.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Advance, fetchAndCheck } from "./advance.js";
import {
  base64Encode,
  cosignCheckpoint,
  ed25519SignerKey,
  ed25519VerifierKey,
  formatSignatureLine,
  formatSignerKey,
  formatVerifierKey,
  isValidKeyName,
  type NoteVerifier,
  SIGNATURE_TYPE_COSIGNATURE_V1,
  type SignerKey,
  verifyCosignatureLine,
} from "./core.js";
import { UsageError } from "./errors.js";
import type { CosignatureSink, LogFeed } from "./http.js";
import type { LogState } from "./state.js";

export interface WitnessKeys {
  name: string;
  /** `PRIVATE+KEY+<name>+<hex>+<base64(0x01 || seed)>`: keep secret. */
  signerKey: string;
  /** `<name>+<hex>+<base64(0x04 || public key)>`: the cosignature/v1 key to register with the log. */
  verifierKey: string;
}

/** A witness key pair from a 32-byte random seed; the verifier key is of type 0x04 (cosignature/v1). */
export function witnessKeyPair(name: string, seed: Uint8Array): WitnessKeys {
  if (!isValidKeyName(name)) throw new UsageError(`invalid key name ${JSON.stringify(name)}: no spaces or "+"`);
  const signer = ed25519SignerKey(name, seed);
  return {
    name,
    signerKey: formatSignerKey(signer),
    verifierKey: formatVerifierKey({ name, type: SIGNATURE_TYPE_COSIGNATURE_V1, publicKey: signer.publicKey }),
  };
}

/**
 * Writes `<name>.key` (mode 0600) and `<name>.pub` into `dir`, refusing to
 * overwrite existing files. Returns their paths.
 */
export function writeWitnessKeys(dir: string, keys: WitnessKeys): { signerKeyFile: string; verifierKeyFile: string } {
  mkdirSync(dir, { recursive: true });
  const signerKeyFile = join(dir, `${keys.name}.key`);
  const verifierKeyFile = join(dir, `${keys.name}.pub`);
  for (const f of [signerKeyFile, verifierKeyFile]) {
    if (existsSync(f)) throw new Error(`${f} already exists; not overwriting a key`);
  }
  writeFileSync(signerKeyFile, `${keys.signerKey}\n`, { mode: 0o600, flag: "wx" });
  writeFileSync(verifierKeyFile, `${keys.verifierKey}\n`, { mode: 0o644, flag: "wx" });
  return { signerKeyFile, verifierKeyFile };
}

export interface WitnessRound {
  /**
   * "no-checkpoint": the log has not published one yet; "already-cosigned":
   * the checkpoint served already carries our valid cosignature (nothing sent).
   */
  status: "cosigned" | "already-cosigned" | "no-checkpoint";
  advance?: Advance;
  previousSize: number | null;
  size?: number;
  rootHash?: string;
  timestamp?: number;
  cosignature?: string;
}

export interface WitnessRoundOptions {
  feed: Pick<LogFeed, "checkpoint" | "consistencyProof"> & CosignatureSink;
  /** The log's key, obtained independently (never from the server). */
  logVerifier: NoteVerifier;
  signer: SignerKey;
  state: LogState | null;
  /** Persists the newly verified state; called before the cosignature leaves. */
  save: (state: LogState) => void;
  /** Current time in POSIX seconds. */
  now?: () => number;
}

/** Whether the served note already holds a valid cosignature by this witness over its checkpoint. */
function carriesOurCosignature(advance: Advance, signer: SignerKey): boolean {
  const key = ed25519VerifierKey(signer.name, signer.publicKey, SIGNATURE_TYPE_COSIGNATURE_V1);
  return advance.note.unverifiedSignatures.some((sig) => {
    if (sig.name !== key.name || sig.keyId !== key.keyId) return false;
    try {
      verifyCosignatureLine(advance.note.text, formatSignatureLine(sig), key);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * One round: fetch, verify, remember, cosign, submit (unless the log already
 * shows our cosignature of this very checkpoint). Throws
 * VerificationFailure (refuses to cosign) on any inconsistency and
 * RemoteError when the server cannot be reached or refuses the cosignature.
 */
export async function witnessRound(o: WitnessRoundOptions): Promise<WitnessRound> {
  const previousSize = o.state?.checkpoint.size ?? null;
  const advance = await fetchAndCheck(o.feed, o.logVerifier, o.state);
  if (advance === null) return { status: "no-checkpoint", previousSize };
  const { checkpoint } = advance;
  // Only now, with the history verified, is the new checkpoint remembered, and before anything is signed.
  o.save({ checkpoint, note: advance.signedNote });
  if (carriesOurCosignature(advance, o.signer)) {
    return {
      status: "already-cosigned",
      advance,
      previousSize,
      size: checkpoint.size,
      rootHash: base64Encode(checkpoint.rootHash),
    };
  }
  const timestamp = (o.now ?? (() => Math.floor(Date.now() / 1000)))();
  const cosignature = cosignCheckpoint(advance.note.text, o.signer, timestamp);
  await o.feed.submitCosignature(checkpoint.size, cosignature);
  return {
    status: "cosigned",
    advance,
    previousSize,
    size: checkpoint.size,
    rootHash: base64Encode(checkpoint.rootHash),
    timestamp,
    cosignature: cosignature.replace(/\n$/, ""),
  };
}
