import { PASSWORD_MIN_LENGTH } from "@concordia/core";
import { PasswordInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** "new-password" shows the length rule and lets password managers suggest one. */
  autoComplete: "new-password" | "current-password";
}

export function PasswordField({ label, value, onChange, error, autoComplete }: PasswordFieldProps) {
  const { t } = useTranslation();
  const isNew = autoComplete === "new-password";
  return (
    <PasswordInput
      label={label}
      description={isNew ? t("validation.passwordRule", { min: PASSWORD_MIN_LENGTH }) : undefined}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required
      autoComplete={autoComplete}
      minLength={isNew ? PASSWORD_MIN_LENGTH : undefined}
      visibilityToggleButtonProps={{ "aria-label": t("forms.toggleVisibility") }}
    />
  );
}

/** Client-side check mirroring the server's rule (the server has the last word). */
export function passwordTooShort(password: string): boolean {
  return [...password].length < PASSWORD_MIN_LENGTH;
}
