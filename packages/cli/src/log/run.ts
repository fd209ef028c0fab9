/**
 * The log commands, as functions returning an exit code (0 ok, 1 failed
 * check or error); usage mistakes throw UsageError (exit 2). The commander
 * wiring is in cli.ts.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { ed25519NoteVerifier, type VerifierKey } from "./core.js";
import { errorMessage, RemoteError, UsageError, VerificationFailure } from "./errors.js";
import { httpLog } from "./http.js";
import { readSignerKeyFile } from "./keys.js";
import { monitorRound } from "./monitor.js";
import { type Notarized, notarizeFile, sha256File } from "./notarize.js";
import { alarmText, emit, formatSteps, formatVerification, type Out } from "./output.js";
import { verifyReceipt } from "./receipt.js";
import { loadState, saveState } from "./state.js";
import { witnessKeyPair, witnessRound, writeWitnessKeys } from "./witness.js";

export async function verifyCommand(
  file: string,
  o: { key?: VerifierKey; witnessKeys?: VerifierKey[]; document?: string },
  out: Out,
): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (err) {
    throw new Error(`cannot read ${file}: ${errorMessage(err)}`);
  }
  const documentSha256 = o.document === undefined ? undefined : await sha256File(o.document);
  const v = verifyReceipt(text, { pinnedKey: o.key, witnessKeys: o.witnessKeys, documentSha256 });
  emit(out, formatVerification(file, v), { file, ...v });
  return v.ok ? 0 : 1;
}

export async function notarizeCommand(
  file: string,
  o: { baseUrl: string; token?: string; title: string; description?: string; key?: VerifierKey; outFile?: string },
  out: Out,
): Promise<number> {
  if (!o.token) throw new UsageError("notarizing needs an API token: --token or CONCORDIA_TOKEN");
  try {
    const r = await notarizeFile(file, { ...o, token: o.token, pinnedKey: o.key });
    const receiptText = `${JSON.stringify(r.receipt, null, 2)}\n`;
    if (o.outFile) writeFileSync(o.outFile, receiptText);
    const entry = r.verification.entry!;
    const summary =
      `Notarized ${file} (SHA-256 ${r.sha256}) as entry ${entry.index} of log ${entry.origin}; ` +
      `the receipt verifies${r.verification.trust === "pinned" ? " with the pinned key" : ""}` +
      (o.outFile ? ` and is in ${o.outFile}.` : ".");
    if (out.json)
      emit(out, "", { file, sha256: r.sha256, out: o.outFile ?? null, index: entry.index, receipt: r.receipt });
    else if (o.outFile) out.stdout(summary);
    else {
      out.stdout(receiptText);
      out.stderr(summary);
    }
    return 0;
  } catch (err) {
    if (!(err instanceof VerificationFailure)) throw err;
    const result = (err as { result?: Notarized }).result;
    out.stderr(alarmText("notarize", err.code, err.message, err.step));
    if (result) {
      out.stderr(formatSteps(result.verification.steps));
      out.stderr(`Receipt received (NOT saved):\n${JSON.stringify(result.receipt, null, 2)}`);
    }
    if (out.json) emit(out, "", { ok: false, code: err.code, message: err.message });
    return 1;
  }
}

export function witnessKeygenCommand(o: { name: string; outDir: string }, out: Out): number {
  const keys = witnessKeyPair(o.name, randomBytes(32));
  const files = writeWitnessKeys(o.outDir, keys);
  emit(
    out,
    [
      `Signer key (secret, mode 0600): ${files.signerKeyFile}`,
      `Verifier key: ${files.verifierKeyFile}`,
      "",
      "Give this verifier key to the secretariat to register the witness:",
      keys.verifierKey,
    ].join("\n"),
    { name: keys.name, verifierKey: keys.verifierKey, ...files },
  );
  return 0;
}

interface LoopOptions {
  once: boolean;
  intervalSeconds: number;
}

/**
 * Runs `round` once or every interval until SIGINT/SIGTERM. A
 * VerificationFailure always ends the loop with exit code 1; a RemoteError
 * does only with --once (otherwise it is reported and retried).
 */
async function loop(what: string, o: LoopOptions, out: Out, round: () => Promise<void>): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    for (;;) {
      try {
        await round();
      } catch (err) {
        if (err instanceof VerificationFailure) {
          out.stderr(alarmText(what, err.code, err.message, err.step));
          if (out.json)
            emit(out, "", { status: "alarm", code: err.code, step: err.step ?? null, message: err.message }, true);
          return 1;
        }
        if (o.once || !(err instanceof RemoteError)) throw err;
        out.stderr(`${what}: ${err.message}; retrying in ${o.intervalSeconds}s`);
      }
      if (o.once) return 0;
      try {
        await sleep(o.intervalSeconds * 1000, undefined, { signal: stop.signal });
      } catch {
        return 0;
      }
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

export async function witnessRunCommand(
  o: LoopOptions & { keyFile: string; logKey: VerifierKey; stateFile: string; baseUrl: string },
  out: Out,
): Promise<number> {
  const signer = readSignerKeyFile(o.keyFile, out.stderr);
  const logVerifier = ed25519NoteVerifier(o.logKey);
  const feed = httpLog(o.baseUrl);
  return loop("witness", o, out, async () => {
    const state = loadState(o.stateFile, logVerifier);
    const r = await witnessRound({ feed, logVerifier, signer, state, save: (s) => saveState(o.stateFile, s) });
    if (r.status === "no-checkpoint") {
      emit(out, "The log has not published a checkpoint yet; nothing to cosign.", r, true);
      return;
    }
    const how =
      r.advance!.kind === "first"
        ? "first checkpoint seen: trusted as the starting point (no earlier state)"
        : r.advance!.kind === "same"
          ? "unchanged since the last round"
          : `consistent with size ${r.previousSize} (proof of ${r.advance!.proofLength} hashes verified)`;
    const did = r.status === "cosigned" ? "Cosigned" : "Already cosigned (nothing sent)";
    emit(
      out,
      `${did} ${r.advance!.checkpoint.origin} at size ${r.size}, root ${r.rootHash}: ${how}.`,
      {
        status: r.status,
        kind: r.advance!.kind,
        origin: r.advance!.checkpoint.origin,
        previousSize: r.previousSize,
        size: r.size,
        rootHash: r.rootHash,
        timestamp: r.timestamp,
        cosignature: r.cosignature,
      },
      true,
    );
  });
}

export async function monitorCommand(
  o: LoopOptions & { logKey: VerifierKey; stateFile: string; baseUrl: string },
  out: Out,
): Promise<number> {
  const logVerifier = ed25519NoteVerifier(o.logKey);
  const feed = httpLog(o.baseUrl);
  return loop("monitor", o, out, async () => {
    const state = loadState(o.stateFile, logVerifier);
    const r = await monitorRound({ feed, logVerifier, state, save: (s) => saveState(o.stateFile, s) });
    const data = {
      status: r.status,
      previousSize: r.previousSize,
      size: r.size ?? null,
      rootHash: r.rootHash ?? null,
      entries: r.entries.map(({ index, type, leafHash, record }) => ({ index, type, leafHash, record })),
    };
    if (r.status === "no-checkpoint") return emit(out, "The log has not published a checkpoint yet.", data, true);
    if (r.status === "unchanged") return emit(out, `Unchanged: size ${r.size}, root ${r.rootHash}.`, data, true);
    const since = r.previousSize === null ? "first run, all entries checked" : `was ${r.previousSize}`;
    const lines = [
      `Checkpoint size ${r.size} (${since}), root ${r.rootHash}: signature, consistency and ${r.entries.length} new entries verified.`,
      ...r.entries.map((e) => `  #${e.index}  ${e.type}  ${e.leafHash}`),
    ];
    emit(out, lines.join("\n"), data, true);
  });
}
