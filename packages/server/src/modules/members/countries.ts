import { UN_LANGUAGES, type UnLanguage } from "@concordia/core";
import countries from "i18n-iso-countries";
import ar from "i18n-iso-countries/langs/ar.json" with { type: "json" };
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import es from "i18n-iso-countries/langs/es.json" with { type: "json" };
import fr from "i18n-iso-countries/langs/fr.json" with { type: "json" };
import ru from "i18n-iso-countries/langs/ru.json" with { type: "json" };
import zh from "i18n-iso-countries/langs/zh.json" with { type: "json" };

// ISO 3166-1 from the maintained i18n-iso-countries package, in the six UN languages.
for (const locale of [ar, en, es, fr, ru, zh]) countries.registerLocale(locale);

export type LocalizedNames = Record<UnLanguage, string>;

export function countryNames(code: string): LocalizedNames | null {
  if (!countries.isValid(code)) return null;
  const names = {} as LocalizedNames;
  for (const lang of UN_LANGUAGES) names[lang] = countries.getName(code, lang) ?? code;
  return names;
}

let cache: { code: string; names: LocalizedNames }[] | undefined;
export function listCountries() {
  cache ??= Object.keys(countries.getAlpha2Codes())
    .sort()
    .map((code) => ({ code, names: countryNames(code)! }));
  return cache;
}

export function isCountry(code: string): boolean {
  return countries.isValid(code) && /^[A-Z]{2}$/.test(code);
}
