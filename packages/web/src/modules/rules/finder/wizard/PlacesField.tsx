import { Fieldset, MultiSelect, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ListAnswer } from "../profileForm";
import { ListModeControl } from "./ListModeControl";
import type { OptionGroup } from "./useJurisdictionOptions";

interface PlacesFieldProps {
  legend: string;
  description?: string;
  options: OptionGroup[];
  answer: ListAnswer;
  onChange: (answer: ListAnswer) => void;
  testId?: string;
}

/** Where something happens: not answered, nowhere, or a searchable list of jurisdictions. */
export function PlacesField({ legend, description, options, answer, onChange, testId }: PlacesFieldProps) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const id = useId();
  return (
    <Fieldset legend={legend} data-testid={testId} variant="filled">
      <Stack gap="xs">
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
        <VisuallyHidden id={`${id}-mode`}>{t("list.modeLabel", { question: legend })}</VisuallyHidden>
        <ListModeControl
          labelledBy={`${id}-mode`}
          value={answer.mode}
          onChange={(mode) => onChange({ ...answer, mode })}
        />
        {answer.mode === "some" && (
          <MultiSelect
            label={t("places.choose")}
            placeholder={answer.values.length === 0 ? t("places.placeholder") : undefined}
            data={options}
            value={answer.values}
            onChange={(values) => onChange({ mode: "some", values })}
            searchable
            selectFirstOptionOnChange
            clearable
            hidePickedOptions
            nothingFoundMessage={t("places.nothingFound")}
            comboboxProps={{ withinPortal: true }}
            maxDropdownHeight={280}
          />
        )}
        {answer.mode === "some" && answer.values.length === 0 && (
          <Text size="xs" c="dimmed" role="note">
            {t("list.emptyMeansNone")}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
