import { SYSTEM_KINDS, type SystemKind, UN_LANGUAGE_CODES, type UnLanguageCode } from "@concordia/core";
import { Button, Collapse, Fieldset, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import { directionOf, LANGUAGE_NAMES } from "../../../app/i18n";
import type { TextsForm } from "./documentForm";
import { useFieldError } from "./FieldErrors";
import type { SectionProps } from "./sectionProps";

type TextField = "name" | "versionLabel" | "intendedPurpose" | "description";

/** Who provides the system, what it is, what it is for, and the same texts in other UN languages. */
export function BasicsSection({ form, update, organization }: SectionProps & { organization: ReactNode }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const [open, toggle] = useDisclosure(false);
  const set = (field: TextField) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    update((x) => ({ ...x, [field]: value }));
  };
  const kindError = useFieldError("kind");
  const translated = UN_LANGUAGE_CODES.filter((l) => Object.values(form.translations[l]).some((v) => v.trim())).length;
  const translationErrors = useFieldError("translations", true);
  const shown = open || !!translationErrors;
  return (
    <Stack gap="md">
      {organization}
      <Radio.Group
        label={t("fields.kind")}
        description={t("fields.kindHint")}
        value={form.kind}
        onChange={(v) => update((x) => ({ ...x, kind: v as SystemKind }))}
        error={kindError}
      >
        <Stack gap={6} mt={6}>
          {SYSTEM_KINDS.map((k) => (
            <Radio key={k} value={k} label={t(`kinds.${k}`)} description={t(`kindHints.${k}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t("fields.name")}
          value={form.name}
          onChange={set("name")}
          error={useFieldError("name")}
          required
          maxLength={300}
        />
        <TextInput
          label={t("fields.versionLabel")}
          description={t("fields.versionLabelHint")}
          value={form.versionLabel}
          onChange={set("versionLabel")}
          error={useFieldError("versionLabel")}
          required
          maxLength={60}
          dir="ltr"
        />
      </SimpleGrid>
      <Textarea
        label={t("fields.intendedPurpose")}
        description={t("fields.intendedPurposeHint")}
        value={form.intendedPurpose}
        onChange={set("intendedPurpose")}
        error={useFieldError("intendedPurpose")}
        required
        autosize
        minRows={2}
        maxLength={4000}
      />
      <Textarea
        label={t("fields.description")}
        description={t("fields.descriptionHint")}
        value={form.description}
        onChange={set("description")}
        error={useFieldError("description")}
        required
        autosize
        minRows={4}
        maxLength={20000}
      />
      <div>
        <Button
          variant="light"
          size="sm"
          h="auto"
          py={6}
          maw="100%"
          styles={{ label: { whiteSpace: "normal", textAlign: "start" } }}
          onClick={toggle.toggle}
          aria-expanded={shown}
          aria-controls="translations-panel"
        >
          {shown
            ? t("translations.hide")
            : t("translations.show", { n: f.number(translated), total: f.number(UN_LANGUAGE_CODES.length) })}
        </Button>
        {translationErrors && !open && (
          <Text size="sm" c="red.8" mt={4} role="alert">
            {t("translations.hasErrors")}
          </Text>
        )}
      </div>
      <Collapse expanded={shown} id="translations-panel">
        {shown && (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t("translations.intro")}
            </Text>
            {UN_LANGUAGE_CODES.map((lang) => (
              <TranslationFields
                key={lang}
                lang={lang}
                texts={form.translations[lang]}
                onChange={(texts) => update((x) => ({ ...x, translations: { ...x.translations, [lang]: texts } }))}
              />
            ))}
          </Stack>
        )}
      </Collapse>
    </Stack>
  );
}

function TranslationFields({
  lang,
  texts,
  onChange,
}: {
  lang: UnLanguageCode;
  texts: TextsForm;
  onChange: (texts: TextsForm) => void;
}) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const language = LANGUAGE_NAMES[lang];
  const common = { lang, dir: directionOf(lang) } as const;
  const set = (field: keyof TextsForm) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...texts, [field]: e.currentTarget.value });
  return (
    <Fieldset miw={0} legend={t("translations.legend", { language })} variant="filled">
      <Stack gap="sm">
        <TextInput
          label={t("fields.name")}
          value={texts.name}
          onChange={set("name")}
          error={useFieldError(`translations.${lang}.name`)}
          maxLength={300}
          {...common}
        />
        <Textarea
          label={t("fields.intendedPurpose")}
          value={texts.intendedPurpose}
          onChange={set("intendedPurpose")}
          error={useFieldError(`translations.${lang}.intendedPurpose`)}
          autosize
          minRows={2}
          maxLength={4000}
          {...common}
        />
        <Textarea
          label={t("fields.description")}
          value={texts.description}
          onChange={set("description")}
          error={useFieldError(`translations.${lang}.description`)}
          autosize
          minRows={3}
          maxLength={20000}
          {...common}
        />
      </Stack>
    </Fieldset>
  );
}
