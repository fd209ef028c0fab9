/** Reading files in the browser: base64 for uploads, JSON for ML-BOMs, and sizes for people. */

/** The largest evidence file the server stores. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const CHUNK = 0x8000;

/** Base64 (standard alphabet, padded) of bytes; chunked so large files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export interface ReadFile {
  fileName: string;
  mediaType: string;
  size: number;
  contentBase64: string;
}

/** A picked file, read whole and encoded for the JSON upload. */
export async function readFileBase64(file: Blob & { name?: string }): Promise<ReadFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    fileName: file.name || "file",
    mediaType: file.type || "application/octet-stream",
    size: bytes.length,
    contentBase64: bytesToBase64(bytes),
  };
}

export type JsonFileResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; reason: "syntax" | "notObject" };

/** A JSON document that must be an object (a BOM); syntax errors are reported, never thrown. */
export function parseJsonObject(text: string): JsonFileResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, reason: "syntax" };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return { ok: false, reason: "notObject" };
  return { ok: true, value: value as Record<string, unknown> };
}

/** "512 B", "12.3 kB", "4.2 MB" in the reader's language (units of 1,024 bytes, as file managers show). */
export function formatBytes(size: number, lang: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(lang, {
    style: "unit",
    unit: units[unit],
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** The first and last characters of a digest, for tables ("3a7bd3…9c1f"). */
export function shortHash(hex: string, head = 8, tail = 4): string {
  return hex.length <= head + tail + 1 ? hex : `${hex.slice(0, head)}…${hex.slice(-tail)}`;
}
