/**
 * Byte and text encodings used by the transparency-log formats, written without
 * Node's Buffer so the same code runs in the browser (receipts are verified
 * client-side).
 *
 * Base64 is the standard alphabet with padding (RFC 4648 §4), which is what
 * C2SP signed notes, checkpoints and tiles use. Decoding is strict: no
 * whitespace, padding required, and the unused low bits of the last character
 * must be zero. Go's encoding/base64 tolerates line breaks and non-zero
 * trailing bits; we do not, so that one byte string has exactly one textual
 * form and a signed text cannot be altered without changing its bytes.
 */

export type EncodingErrorCode = "BAD_BASE64" | "BAD_HEX" | "INVALID_UTF8";

export class EncodingError extends Error {
  override readonly name = "EncodingError";
  constructor(
    readonly code: EncodingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

function sextet(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const v = c < 128 ? (DECODE[c] ?? -1) : -1;
  if (v < 0) throw new EncodingError("BAD_BASE64", `invalid base64 character at offset ${i}`);
  return v;
}

/** Standard base64 with padding (RFC 4648 §4). */
export function base64Encode(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}${ALPHABET[(n >> 6) & 63]!}=`;
  }
  return out;
}

/** Strict inverse of {@link base64Encode}; throws `EncodingError("BAD_BASE64")`. */
export function base64Decode(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new EncodingError("BAD_BASE64", "base64 length is not a multiple of 4");
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  const full = pad === 0 ? text.length : text.length - 4;
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const n = (sextet(text, i) << 18) | (sextet(text, i + 1) << 12) | (sextet(text, i + 2) << 6) | sextet(text, i + 3);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  if (pad === 2) {
    const a = sextet(text, full);
    const b = sextet(text, full + 1);
    // Non-zero unused bits would give a second spelling of the same bytes.
    if ((b & 15) !== 0) throw new EncodingError("BAD_BASE64", "non-canonical base64 padding bits");
    out[o] = (a << 2) | (b >> 4);
  } else if (pad === 1) {
    const a = sextet(text, full);
    const b = sextet(text, full + 1);
    const c = sextet(text, full + 2);
    if ((c & 3) !== 0) throw new EncodingError("BAD_BASE64", "non-canonical base64 padding bits");
    out[o++] = (a << 2) | (b >> 4);
    out[o] = ((b & 15) << 4) | (c >> 2);
  }
  return out;
}

/** Lower-case hexadecimal. */
export function hexEncode(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/** Hexadecimal (either case) to bytes; throws `EncodingError("BAD_HEX")`. */
export function hexDecode(text: string): Uint8Array {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) {
    throw new EncodingError("BAD_HEX", "invalid hexadecimal string");
  }
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * Whether `text` holds an ASCII control character (below U+0020), other than
 * newline when `allowNewline`. Signed notes forbid them (c2sp.org/signed-note):
 * a carriage return or tab would make two texts look alike.
 */
export function hasControlCharacter(text: string, allowNewline: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && !(allowNewline && c === 0x0a)) return true;
  }
  return false;
}

/** Whether a string has no lone UTF-16 surrogate, i.e. has a UTF-8 encoding. */
export function isWellFormedUnicode(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1); // NaN past the end
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/**
 * UTF-8 bytes of a string. A lone UTF-16 surrogate has no UTF-8 encoding;
 * TextEncoder would silently replace it with U+FFFD and so sign or hash
 * something other than what the caller passed, hence the error.
 */
export function utf8Encode(text: string): Uint8Array {
  if (!isWellFormedUnicode(text)) throw new EncodingError("INVALID_UTF8", "string contains a lone surrogate");
  return new TextEncoder().encode(text);
}

// fatal: reject invalid UTF-8 instead of substituting U+FFFD; ignoreBOM: keep a
// leading U+FEFF as text, so decoding then re-encoding gives back the same bytes.
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Strict UTF-8 decoding; throws `EncodingError("INVALID_UTF8")`. */
export function utf8Decode(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw new EncodingError("INVALID_UTF8", "bytes are not valid UTF-8");
  }
}

/** Equality of two byte strings; the running time does not depend on where they differ. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Concatenation of byte strings. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
