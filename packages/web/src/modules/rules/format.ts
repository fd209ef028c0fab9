import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { jurisdictionLabel, type KnownPlace } from "./jurisdiction";

/** A calendar date (YYYY-MM-DD) in the current language, read in UTC so it never shifts by a day. */
export function useDay(): (iso: string) => string {
  const { lang } = useFormat();
  return useMemo(() => {
    const fmt = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
    return (iso: string) => {
      const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
      return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
    };
  }, [lang]);
}

/** "a, b and c" / "a, b or c" in the current language. */
export function useListFormat(type: "conjunction" | "disjunction" = "conjunction"): (items: string[]) => string {
  const { lang } = useFormat();
  return useMemo(() => {
    const fmt = new Intl.ListFormat(lang, { style: "long", type });
    return (items: string[]) => fmt.format(items);
  }, [lang, type]);
}

/** The words of a jurisdiction code in the current language ("Colorado, United States"). */
export function useJurisdictionLabel(): (code: string) => string {
  const { t } = useTranslation("rules");
  const { lang } = useFormat();
  return useCallback(
    (code: string) =>
      jurisdictionLabel(code, lang, {
        eu: t("jurisdiction.EU"),
        international: t("jurisdiction.INT"),
        place: (p: KnownPlace) => t(`jurisdiction.places.${p}`),
        placeInCountry: (place, country) => t("jurisdiction.placeInCountry", { place, country }),
      }),
    [t, lang],
  );
}

/** The language of an official title, named in the current language ("Chinese"). */
export function useLanguageName(): (code: string) => string {
  const { lang } = useFormat();
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([lang], { type: "language", fallback: "code" });
    } catch {
      names = null;
    }
    return (code: string) => {
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [lang]);
}
