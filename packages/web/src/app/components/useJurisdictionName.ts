import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { countryOf, regionName } from "./jurisdictions";

/** Names a jurisdiction code in the current language: "Germany", "European Union", "Colorado", "International". */
export function useJurisdictionName(): (code: string) => string {
  const { t, i18n } = useTranslation("rules", { keyPrefix: "obligations" });
  const lang = i18n.resolvedLanguage ?? i18n.language ?? "en";
  return useCallback(
    (code: string) => {
      if (code === "INT") return t("jurisdictions.international");
      const subdivisions = t("subdivisions", { returnObjects: true }) as Record<string, string>;
      const known = subdivisions[code];
      if (known) return known;
      if (code.includes("-")) {
        const country = countryOf(code);
        return country ? `${code} (${regionName(country, lang)})` : code;
      }
      return regionName(code, lang);
    },
    [t, lang],
  );
}
