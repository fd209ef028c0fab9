import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The labelled email input of the sign-in, sign-up and password-reset forms (always left-to-right). */
export function EmailField(props: { value: string; onChange: (value: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t("forms.email")}
      type="email"
      autoComplete="email"
      required
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      dir="ltr"
    />
  );
}
