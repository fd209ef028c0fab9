/**
 * Jurisdiction codes as words: ISO 3166-1 countries named by the browser (Intl.DisplayNames),
 * "EU" and "INT" and the sub-national places we know named by the translations, and any other
 * subdivision ("US-XX") shown as its code after the country's name.
 */

/** Sub-national jurisdictions with a translated name (rules.json, jurisdiction.places). */
export const KNOWN_PLACES = [
  "US-CA",
  "US-CO",
  "US-IL",
  "US-NY",
  "US-NY-NYC",
  "US-TX",
  "US-UT",
  "CA-QC",
  "CN-HK",
] as const;
export type KnownPlace = (typeof KNOWN_PLACES)[number];

export interface JurisdictionWords {
  eu: string;
  international: string;
  /** The name of a known place, or undefined. */
  place: (code: KnownPlace) => string;
  /** "Colorado, United States" from the place and its country. */
  placeInCountry: (place: string, country: string) => string;
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/** The country's name in `lang`, or the code itself when the browser cannot name it. */
export function countryName(code: string, lang: string): string {
  if (!regionNames.has(lang)) {
    try {
      regionNames.set(lang, new Intl.DisplayNames([lang], { type: "region", fallback: "code" }));
    } catch {
      regionNames.set(lang, null);
    }
  }
  try {
    return regionNames.get(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}

function isKnownPlace(code: string): code is KnownPlace {
  return (KNOWN_PLACES as readonly string[]).includes(code);
}

/** A flag-free text label of a jurisdiction code in `lang`. */
export function jurisdictionLabel(code: string, lang: string, words: JurisdictionWords): string {
  if (code === "EU") return words.eu;
  if (code === "INT") return words.international;
  if (/^[A-Z]{2}$/.test(code)) return countryName(code, lang);
  const country = countryName(code.slice(0, 2), lang);
  if (isKnownPlace(code)) return words.placeInCountry(words.place(code), country);
  return words.placeInCountry(code, country);
}
