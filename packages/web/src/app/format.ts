import type { UnLanguage } from "@concordia/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { isSupportedLanguage } from "./i18n";

export type LocalizedNames = Record<UnLanguage, string>;

export interface Formatters {
  lang: UnLanguage;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  number: (n: number) => string;
  /** The name of a country in the current language (names come localized from the API). */
  countryName: (names: LocalizedNames) => string;
  compare: (a: string, b: string) => number;
}

/** Dates, numbers and sorting in the conventions of the current language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const resolved = i18n.resolvedLanguage ?? i18n.language;
  const lang: UnLanguage = isSupportedLanguage(resolved) ? resolved : "en";
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(lang, { dateStyle: "medium" });
    const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" });
    const number = new Intl.NumberFormat(lang);
    const collator = new Intl.Collator(lang);
    const safe = (f: Intl.DateTimeFormat, iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : f.format(d);
    };
    return {
      lang,
      date: (iso) => safe(date, iso),
      dateTime: (iso) => safe(dateTime, iso),
      number: (n) => number.format(n),
      countryName: (names) => names[lang] || names.en,
      compare: (a, b) => collator.compare(a, b),
    };
  }, [lang]);
}
