/** Files the browser saves, made entirely on this side (CSV and JSON exports, receipts, profiles). */

/** Saves text or bytes as a file, entirely in the browser. */
export function downloadText(fileName: string, text: string | Uint8Array<ArrayBuffer>, type: string): void {
  const blob = new Blob([text], { type });
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

/** Saves bytes (an evidence file, say) under their media type. */
export function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, type: string): void {
  downloadText(fileName, bytes, type);
}

export function downloadCsv(fileName: string, csv: string): void {
  downloadText(fileName, csv, "text/csv;charset=utf-8");
}

/** Saves a value as a pretty-printed JSON file. */
export function downloadJson(fileName: string, value: unknown): void {
  downloadText(fileName, `${JSON.stringify(value, null, 2)}\n`, "application/json");
}
