/**
 * House style of the text fields of the reference data (data/frameworks, data/crosswalks,
 * data/scenarios), as written down in data/README.md. Pure: `scripts/check-data.ts` runs it over
 * every file and fails on any finding.
 *
 * - Dates: "22 January 2026" (day without a leading zero, full month name, four-digit year);
 *   "January 2026" and "2026" when that is all that is known. Not "22 Jan 2026", "January 22,
 *   2026", "22nd January", "2026-01-22", "2026-1-5", "1/22/2026" or "22.01.2026". Machine date
 *   fields (a whole value "2026-01-22") are validated by the schema and not checked here.
 * - Ranges: "Arts. 9 to 15", "points (a) to (d)", "8 to 10": never a hyphen or a dash between
 *   the ends. A hyphen between numbers is read as part of a name when a designation precedes it
 *   ("§ 20-870", "§§ 5-301, 5-303", "SB 24-205", "NIST AI 600-1", "GB 45438-2025",
 *   "Art. 22-3"), or when it cannot be a range (the first number is the larger, "600-1").
 * - Chapters of an instrument: Roman numerals ("Chapter III", "Chapters III and IV").
 */

export type StyleRule = "date" | "range" | "chapter";

export interface StyleFinding {
  rule: StyleRule;
  /** The offending text as written, and where it starts in the value. */
  match: string;
  index: number;
  message: string;
}

export interface DataStyleIssue extends StyleFinding {
  /** Path of the field in the file, e.g. ["requirements", 3, "summary"]. */
  path: (string | number)[];
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const MONTH = `(?:${MONTHS.join("|")})`;
const ABBREVIATED = "(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";

const DATE_PATTERNS: { re: RegExp; message: string; valid?: (m: RegExpExecArray) => boolean }[] = [
  {
    re: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${ABBREVIATED}\\b\\.?(?:,?\\s+\\d{4})?`, "g"),
    message: 'abbreviated month name; write "22 January 2026"',
  },
  {
    re: new RegExp(`\\b${ABBREVIATED}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?`, "g"),
    message: 'abbreviated month name; write "22 January 2026"',
  },
  {
    re: new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4}\\b|,)`, "g"),
    message: 'month before day; write "22 January 2026"',
  },
  {
    re: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)(?:\\s+of)?\\s+${MONTH}\\b(?:,?\\s+\\d{4}\\b)?`, "g"),
    message: 'ordinal day; write "22 January 2026"',
  },
  {
    re: new RegExp(`\\b0\\d\\s+${MONTH}\\b(?:\\s+\\d{4}\\b)?`, "g"),
    message: 'leading zero in the day; write "5 January 2026"',
  },
  {
    re: /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/g,
    message: 'numeric date in a text field; write "22 January 2026"',
    valid: (m) => {
      const [, mo, d] = m[0].split(/[-/.]/).map(Number);
      return mo! >= 1 && mo! <= 12 && d! >= 1 && d! <= 31;
    },
  },
  {
    re: /(?<![\w/.-])(?:\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4})(?![\w/-]|\.\d)/g,
    message: 'numeric date in a text field; write "22 January 2026"',
    valid: (m) => {
      const [a, b] = m[0].split(/[/.]/).map(Number);
      return a! >= 1 && b! >= 1 && a! <= 31 && b! <= 31 && (a! <= 12 || b! <= 12);
    },
  },
  {
    re: /(?<![\w./-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?![\w./-])/g,
    message: 'numeric month in a text field; write "January 2026"',
  },
];

/** Words after which a hyphenated number is part of a name ("§ 20-870", "SB 24-205"), not a range. */
const DESIGNATIONS = new Set([
  "§",
  "§§",
  "sb",
  "hb",
  "ab",
  "int.",
  "gb",
  "gb/t",
  "ai",
  "ir",
  "art.",
  "article",
  "no.",
  "nos.",
]);
/** Words skipped when looking back for the designation of a list ("§§ 5-301, 5-303"). */
const LIST_WORDS = new Set(["to", "and", "or", "&"]);

function designated(before: string): boolean {
  const words = before.split(/\s+/).filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!.replace(/^\(+/, "").replace(/[,;:]+$/, "");
    if (w === "" || LIST_WORDS.has(w.toLowerCase()) || /^[\d(]/.test(w)) continue;
    return DESIGNATIONS.has(w.toLowerCase());
  }
  return false;
}

const parts = (n: string) => n.replace(/,/g, "").split(".").map(Number);
function less(a: string, b: string): boolean {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

const NUMBER = String.raw`\d+(?:,\d{3})*(?:\.\d+)*`;
const HYPHEN_PAIR = new RegExp(
  String.raw`(?<![\w.\-–/^])(${NUMBER})((?:\([^()\s]*\))*)-(${NUMBER})(?![\w\-–/]|\.\d)`,
  "g",
);

function rangeFindings(text: string): StyleFinding[] {
  const out: StyleFinding[] = [];
  const message = 'range written with a hyphen or dash; write "9 to 15" or "(a) to (d)"';
  for (const m of text.matchAll(/(?:\d+(?:[.,]\d+)*|\))\s?[‒–—]\s?(?:\d+(?:[.,]\d+)*|\()/g)) {
    out.push({ rule: "range", match: m[0], index: m.index, message });
  }
  for (const m of text.matchAll(/\)-\(/g)) out.push({ rule: "range", match: m[0], index: m.index, message });
  for (const m of text.matchAll(HYPHEN_PAIR)) {
    const [whole, a, sub, b] = m as unknown as [string, string, string, string];
    if (sub) continue; // "7(2)-(5)" is caught above; "6-1-1702(1)" style names are not ranges
    if (designated(text.slice(0, m.index))) continue;
    const yearSpan = /^\d{4}$/.test(a) && /^\d{2}$/.test(b) && Number(b) > Number(a) % 100;
    if (less(a, b) || yearSpan) out.push({ rule: "range", match: whole, index: m.index, message });
  }
  return out;
}

/** Style findings in one text value. */
export function checkTextStyle(text: string): StyleFinding[] {
  const plain = text.replace(/https?:\/\/\S+/g, (url) => " ".repeat(url.length));
  const out: StyleFinding[] = [];
  for (const p of DATE_PATTERNS) {
    for (const m of plain.matchAll(p.re)) {
      if (!p.valid || p.valid(m as RegExpExecArray))
        out.push({ rule: "date", match: m[0], index: m.index, message: p.message });
    }
  }
  out.push(...rangeFindings(plain));
  for (const m of plain.matchAll(/\bchapters?\s+\d+\b/gi)) {
    out.push({
      rule: "chapter",
      match: m[0],
      index: m.index,
      message: 'chapter number in Arabic numerals; write "Chapter III"',
    });
  }
  return out.sort((x, y) => x.index - y.index);
}

/** Keys whose values are identifiers, addresses or text in the instrument's own language: not checked. */
const SKIPPED_KEYS = new Set(["$schema", "id", "url", "sourceUrl", "official"]);
const MACHINE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Style findings in every text field of a reference data file (instrument, crosswalk or scenarios). */
export function checkDataStyle(value: unknown, path: (string | number)[] = []): DataStyleIssue[] {
  if (typeof value === "string") {
    if (MACHINE_DATE.test(value)) return [];
    return checkTextStyle(value).map((f) => ({ ...f, path }));
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => checkDataStyle(v, [...path, i]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => (SKIPPED_KEYS.has(k) ? [] : checkDataStyle(v, [...path, k])));
  }
  return [];
}
