import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { COUNTRY_CODES, REGION_CODES, SUBNATIONAL_CODES } from "../../../../app/components/jurisdictions";
import { useJurisdictionName } from "../../../../app/components/useJurisdictionName";

export interface OptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/** Options of the jurisdiction selects: the EU, sub-national places, then every country, by name. */
export function useJurisdictionOptions(): OptionGroup[] {
  const { t, i18n } = useTranslation("rules", { keyPrefix: "obligations" });
  const name = useJurisdictionName();
  const lang = i18n.resolvedLanguage ?? "en";
  return useMemo(() => {
    const collator = new Intl.Collator(lang);
    const option = (code: string) => ({ value: code, label: `${name(code)} (${code})` });
    const countries = COUNTRY_CODES.map(option).sort((a, b) => collator.compare(a.label, b.label));
    return [
      { group: t("jurisdictions.regions"), items: REGION_CODES.map(option) },
      { group: t("jurisdictions.subnational"), items: SUBNATIONAL_CODES.map(option) },
      { group: t("jurisdictions.countries"), items: countries },
    ];
  }, [t, name, lang]);
}
