/** Reading keys given on the command line or in files. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { parseSignerKey, parseVerifierKey, type SignerKey, type VerifierKey } from "./core.js";
import { errorMessage, UsageError } from "./errors.js";

/**
 * A verifier key given as its text (`name+hex+base64`) or as a file holding
 * it. Throws UsageError: a wrong key on the command line is a usage mistake.
 */
export function readVerifierKeyArg(value: string, what = "verifier key"): { key: VerifierKey; text: string } {
  let text = value.trim();
  let fromFile = "";
  try {
    if (existsSync(value) && statSync(value).isFile()) {
      text = readFileSync(value, "utf8").trim();
      fromFile = ` (read from ${value})`;
    }
  } catch {
    // Not a readable file: parse the value itself.
  }
  try {
    return { key: parseVerifierKey(text), text };
  } catch (err) {
    throw new UsageError(
      `${what}${fromFile}: ${errorMessage(err)} (give the key text name+hex+base64, or a file holding it)`,
    );
  }
}

/** Reads a signer key file (`PRIVATE+KEY+...`); warns on stderr when others can read it. */
export function readSignerKeyFile(path: string, warn: (message: string) => void = () => {}): SignerKey {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch (err) {
    throw new UsageError(`cannot read the signer key file ${path}: ${errorMessage(err)}`);
  }
  if (process.platform !== "win32" && (statSync(path).mode & 0o077) !== 0) {
    warn(`warning: ${path} is readable by other users; chmod 600 it`);
  }
  try {
    return parseSignerKey(text);
  } catch (err) {
    throw new UsageError(`${path}: ${errorMessage(err)}`);
  }
}
