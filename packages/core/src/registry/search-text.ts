/**
 * Search tokens for text in any of the six UN languages. Words are cut on spaces and punctuation
 * (Arabic, Cyrillic, Latin); runs of Han characters, which have no spaces, become overlapping
 * bigrams ("人工智能" → "人工 工智 智能"), so a query matches inside a longer run. The same
 * function prepares documents and queries, for PostgreSQL's 'simple' text search configuration.
 */
const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]+/gu;

function hanBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

export function searchTokens(text: string): string[] {
  const out: string[] = [];
  for (const word of text.normalize("NFKC").toLocaleLowerCase("und").match(WORD) ?? []) {
    // Split a mixed word into Han and non-Han runs.
    let run = "";
    let runIsHan = false;
    for (const ch of word) {
      const han = HAN.test(ch);
      if (run && han !== runIsHan) {
        out.push(...(runIsHan ? hanBigrams(run) : [run]));
        run = "";
      }
      run += ch;
      runIsHan = han;
    }
    if (run) out.push(...(runIsHan ? hanBigrams(run) : [run]));
  }
  return out;
}

/** The document side: tokens joined by spaces (what to_tsvector('simple', …) will index). */
export function searchDocument(parts: readonly (string | undefined | null)[]): string {
  return searchTokens(parts.filter(Boolean).join(" ")).join(" ");
}
