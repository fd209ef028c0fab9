import { UN_LANGUAGES } from "@concordia/core";
import { Group, NativeSelect, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage, isSupportedLanguage, LANGUAGE_NAMES, setLanguage } from "./i18n";

/** A labelled select listing each language in its own name. */
export function LanguageSelect() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Group gap={6} wrap="nowrap">
      <Text component="label" htmlFor={id} size="sm" fw={500}>
        {t("language.label")}
      </Text>
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
