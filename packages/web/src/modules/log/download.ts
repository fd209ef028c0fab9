import type { Receipt } from "@concordia/contracts";

// The one download helper is app/download.ts; the receipt pages import it from here.
export { downloadJson } from "../../app/download";

export function receiptFileName(receipt: Pick<Receipt, "index">): string {
  return `concordia-receipt-${receipt.index}.json`;
}

/** SHA-256 of a file, in lower-case hexadecimal, computed by the browser (WebCrypto). */
export async function sha256Hex(file: Blob): Promise<string> {
  if (!globalThis.crypto?.subtle) throw new Error("WebCrypto is not available on this page (it needs HTTPS)");
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
