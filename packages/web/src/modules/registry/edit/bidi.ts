/**
 * Wraps text typed by people (system names, risk titles, file names) in Unicode directional
 * isolates (FSI … PDI), so a Latin name inside an Arabic sentence, or an Arabic one inside an
 * English sentence, keeps its own direction and does not reorder the punctuation around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
