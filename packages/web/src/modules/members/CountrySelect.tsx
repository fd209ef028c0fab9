import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { useCountries } from "./queries";

interface CountrySelectProps {
  label: string;
  value: string;
  onChange: (code: string) => void;
  /** Text of the empty choice ("Any country", "None"...). Omit to require a country. */
  emptyLabel?: string;
  /** Country codes not to offer (e.g. states already admitted). */
  exclude?: ReadonlySet<string>;
  error?: string;
  required?: boolean;
  name?: string;
}

/** A native select of ISO countries named in the current language. */
export function CountrySelect({
  label,
  value,
  onChange,
  emptyLabel,
  exclude,
  error,
  required,
  name,
}: CountrySelectProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { countries, isPending, isError } = useCountries();
  const options = countries
    .filter((c) => !exclude?.has(c.code))
    .map((c) => ({ value: c.code, label: f.countryName(c.names) }));
  const placeholder = emptyLabel ?? (isPending ? t("status.loading") : t("forms.chooseCountry"));
  return (
    <NativeSelect
      label={label}
      name={name}
      value={value}
      required={required}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error ?? (isError ? t("errors.countriesUnavailable") : undefined)}
      data={[{ value: "", label: placeholder }, ...options]}
    />
  );
}
