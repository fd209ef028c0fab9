/** The 27 member states of the European Union (ISO 3166-1 alpha-2). */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set([
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
]);

/**
 * Whether a place lies within a jurisdiction: the same code, a subdivision or locality under it
 * ("US-NY-NYC" is within "US-NY" and "US"), an EU member state within "EU", anywhere within "INT".
 */
export function placeWithin(place: string, jurisdiction: string): boolean {
  if (jurisdiction === "INT" || place === jurisdiction) return true;
  if (jurisdiction === "EU") return EU_MEMBER_STATES.has(place.slice(0, 2)) && (place.length === 2 || place[2] === "-");
  return place.length > jurisdiction.length && place.startsWith(jurisdiction) && place[jurisdiction.length] === "-";
}

/** Whether an instrument of `instrumentJurisdiction` belongs to the jurisdiction filter `filter`. */
export function jurisdictionMatches(instrumentJurisdiction: string, filter: string): boolean {
  return instrumentJurisdiction === filter || placeWithin(instrumentJurisdiction, filter);
}
