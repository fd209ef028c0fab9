import type { Receipt } from "@concordia/contracts";

/** Saves a value as a pretty-printed JSON file, entirely in the browser. */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function receiptFileName(receipt: Pick<Receipt, "index">): string {
  return `concordia-receipt-${receipt.index}.json`;
}

/** SHA-256 of a file, in lower-case hexadecimal, computed by the browser (WebCrypto). */
export async function sha256Hex(file: Blob): Promise<string> {
  if (!globalThis.crypto?.subtle) throw new Error("WebCrypto is not available on this page (it needs HTTPS)");
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
