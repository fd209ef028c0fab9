import { UN_LANGUAGES } from "@concordia/core";
import { Group, NativeSelect, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage, isSupportedLanguage, LANGUAGE_NAMES, setLanguage } from "./i18n";

/** A globe, the sign people look for whatever their language, drawn inline (no icon library). */
function Globe() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden="true"
    >
      <circle cx="12" cy="12" r="9.5" />
      <path d="M2.5 12h19M12 2.5c2.6 2.7 3.9 5.9 3.9 9.5s-1.3 6.8-3.9 9.5c-2.6-2.7-3.9-5.9-3.9-9.5s1.3-6.8 3.9-9.5z" />
    </svg>
  );
}

/**
 * A labelled select listing each language in its own name. The label is a
 * globe for the eye (the header is tight in long languages) and the word
 * "Language" for screen readers.
 */
export function LanguageSelect() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Group gap={6} wrap="nowrap">
      <label htmlFor={id} title={t("language.label")} style={{ display: "flex", color: "var(--mantine-color-gray-7)" }}>
        <Globe />
        <VisuallyHidden>{t("language.label")}</VisuallyHidden>
      </label>
      <NativeSelect
        id={id}
        size="xs"
        w={112}
        data-testid="lang-select"
        value={currentLanguage()}
        onChange={(e) => {
          const lang = e.currentTarget.value;
          if (isSupportedLanguage(lang)) void setLanguage(lang);
        }}
        data={UN_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
      />
    </Group>
  );
}
