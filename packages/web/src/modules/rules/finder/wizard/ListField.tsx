import { Checkbox, Fieldset, SimpleGrid, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ListAnswer } from "../profileForm";
import { ListModeControl } from "./ListModeControl";

interface ListFieldProps {
  legend: string;
  description?: string;
  options: readonly { value: string; label: string; help?: string }[];
  answer: ListAnswer;
  onChange: (answer: ListAnswer) => void;
  testId?: string;
  columns?: number;
}

/**
 * A list question with an explicit difference between "not answered" (the fact is unknown) and
 * "none" (an empty list: the engine takes a present list as complete).
 */
export function ListField({ legend, description, options, answer, onChange, testId, columns = 2 }: ListFieldProps) {
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
          <Checkbox.Group
            aria-label={legend}
            value={answer.values}
            onChange={(values) => onChange({ mode: "some", values })}
          >
            <SimpleGrid cols={{ base: 1, sm: columns }} spacing="xs" verticalSpacing="xs" mt={4}>
              {options.map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} description={o.help} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
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
