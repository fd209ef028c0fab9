/**
 * Jurisdictions a profile can name (where the operator is established, where the system is placed
 * on the market, used…): the EU, ISO 3166-1 countries, and the sub-national places whose AI laws
 * the rules data covers. Names come from Intl.DisplayNames in the reader's language.
 */

/** ISO 3166-1 alpha-2 codes (as i18n-iso-countries lists them, with XK for Kosovo). */
export const COUNTRY_CODES: readonly string[] =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW".split(
    " ",
  );

/** Sub-national jurisdictions with AI laws in the data (ISO 3166-2, and a locality under it). */
export const SUBNATIONAL_CODES: readonly string[] = ["US-CA", "US-CO", "US-IL", "US-NY", "US-NY-NYC", "US-TX", "US-UT"];

export const REGION_CODES: readonly string[] = ["EU"];

const displayNames = new Map<string, Intl.DisplayNames | null>();
function regionNames(lang: string): Intl.DisplayNames | null {
  if (!displayNames.has(lang)) {
    try {
      displayNames.set(lang, new Intl.DisplayNames([lang, "en"], { type: "region", fallback: "none" }));
    } catch {
      displayNames.set(lang, null);
    }
  }
  return displayNames.get(lang) ?? null;
}

/** A country or region (EU) named in `lang`; the code itself when the browser has no name. */
export function regionName(code: string, lang: string): string {
  try {
    return regionNames(lang)?.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}

/** The country a code lies in ("US-NY-NYC" → "US"); null for EU and INT. */
export function countryOf(code: string): string | null {
  return /^[A-Z]{2}(-|$)/.test(code) && code !== "EU" ? code.slice(0, 2) : null;
}

/** Whether a code has the shape the API accepts. */
export function isJurisdictionCode(code: string): boolean {
  return /^(EU|INT|[A-Z]{2}(-[A-Z0-9]{1,3}(-[A-Z0-9]{2,6})?)?)$/.test(code);
}
