/**
 * Test fixture: a small transparency log kept in memory and built only with
 * the core functions (leaf hashes, checkpoints signed by a generated key,
 * proofs, entry bundles), plus an in-memory feed a witness or monitor can read.
 */
import type { Receipt } from "@concordia/contracts";
import {
  base64Encode,
  consistencyProof,
  ed25519NoteSigner,
  ed25519NoteVerifier,
  formatCheckpoint,
  generateNoteKeyPair,
  inclusionProof,
  leafHash,
  merkleTreeHash,
  type NoteVerifier,
  parseSignerKey,
  parseVerifierKey,
  type SignerKey,
  signNote,
  TILE_WIDTH,
  type VerifierKey,
} from "./core.js";
import type { CosignatureSink, LogFeed } from "./http.js";
import { formatEntryBundle } from "./monitor.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

export function testRecord(i: number, type = "notarization"): string {
  return JSON.stringify({ sha256: i.toString(16).padStart(64, "0"), title: `Document ${i}`, type });
}

export class TestLog {
  readonly signer: SignerKey;
  readonly verifierKeyText: string;
  readonly verifierKey: VerifierKey;
  readonly verifier: NoteVerifier;
  records: string[] = [];
  /** Cosignature lines to append to the published checkpoint. */
  cosignatures: string[] = [];

  /** Logs made with the same `seedByte` share a key: that is how a forked log is simulated. */
  constructor(
    readonly origin = "log.example.org",
    seedByte = 7,
  ) {
    const pair = generateNoteKeyPair(origin, new Uint8Array(32).fill(seedByte));
    this.signer = parseSignerKey(pair.signerKey);
    this.verifierKeyText = pair.verifierKey;
    this.verifierKey = parseVerifierKey(pair.verifierKey);
    this.verifier = ed25519NoteVerifier(this.verifierKey);
  }

  append(...records: string[]): this {
    this.records.push(...records);
    return this;
  }

  /** Appends `n` generated records. */
  grow(n: number, type = "notarization"): this {
    for (let i = 0; i < n; i++) this.records.push(testRecord(this.records.length, type));
    return this;
  }

  get size(): number {
    return this.records.length;
  }

  leaves(size = this.size): Uint8Array[] {
    return this.records.slice(0, size).map((r) => leafHash(utf8(r)));
  }

  checkpointText(size = this.size): string {
    return formatCheckpoint({ origin: this.origin, size, rootHash: merkleTreeHash(this.leaves(size)), extensions: [] });
  }

  /** The checkpoint signed by the log key, followed by any cosignature lines. */
  signedCheckpoint(size = this.size): string {
    return signNote(this.checkpointText(size), [ed25519NoteSigner(this.signer)]) + this.cosignatures.join("");
  }

  receipt(index: number, size = this.size): Receipt {
    const leaves = this.leaves(size);
    return {
      format: "concordia-receipt/v1",
      origin: this.origin,
      verifierKey: this.verifierKeyText,
      index,
      recordType: "notarization",
      record: this.records[index]!,
      leafHash: base64Encode(leaves[index]!),
      treeSize: size,
      inclusionProof: inclusionProof(leaves, index, size).map((h) => base64Encode(h)),
      checkpoint: this.signedCheckpoint(size),
    };
  }

  bundle(index: number, width: number): Uint8Array {
    const start = index * TILE_WIDTH;
    if (start + width > this.size) throw new Error(`no bundle ${index}.p/${width} in a log of ${this.size}`);
    return formatEntryBundle(this.records.slice(start, start + width).map(utf8));
  }

  /** An in-memory feed over this log; `submitted` collects the cosignatures handed in. */
  feed(): LogFeed & CosignatureSink & { submitted: { size: number; line: string }[] } {
    const submitted: { size: number; line: string }[] = [];
    return {
      submitted,
      checkpoint: async () => this.signedCheckpoint(),
      consistencyProof: async (from, to) => consistencyProof(this.leaves(), from, to),
      entryBundle: async (index, width) => this.bundle(index, width),
      submitCosignature: async (size, line) => {
        submitted.push({ size, line });
      },
    };
  }
}
