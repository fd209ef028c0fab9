import { Button, Fieldset, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import { GroupError, useFieldError } from "./FieldErrors";

interface StringListFieldProps {
  legend: string;
  description?: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Form path of the list, e.g. "modelCard.limitations" (row errors are at "<path>.<n>"). */
  path: string;
  multiline?: boolean;
  maxLength?: number;
  disabled?: boolean;
}

function Row({
  path,
  index,
  label,
  value,
  multiline,
  maxLength,
  disabled,
  onChange,
}: {
  path: string;
  index: number;
  label: string;
  value: string;
  multiline?: boolean;
  maxLength?: number;
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  const error = useFieldError(`${path}.${index}`, true);
  const props = {
    label,
    value,
    error,
    maxLength,
    disabled,
    style: { flex: "1 1 16rem" },
    "data-testid": `${path}.${index}`,
  };
  return multiline ? (
    <Textarea {...props} autosize minRows={1} maxRows={8} onChange={(e) => onChange(e.currentTarget.value)} />
  ) : (
    <TextInput {...props} onChange={(e) => onChange(e.currentTarget.value)} />
  );
}

/** A list of texts (inputs, limitations, mitigations…): add, edit and remove rows. */
export function StringListField({
  legend,
  description,
  values,
  onChange,
  path,
  multiline,
  maxLength = 2000,
  disabled,
}: StringListFieldProps) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const id = useId();
  const listError = useFieldError(path);
  return (
    <Fieldset miw={0} legend={legend} variant="unstyled" aria-describedby={listError ? `${id}-error` : undefined}>
      <Stack gap="xs">
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
        {values.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("list.empty")}
          </Text>
        )}
        {values.map((value, i) => {
          const label = t("list.item", { legend, n: f.number(i + 1) });
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a list being typed
            <Group key={i} align="flex-end" gap="xs" wrap="wrap">
              <Row
                path={path}
                index={i}
                label={label}
                value={value}
                multiline={multiline}
                maxLength={maxLength}
                disabled={disabled}
                onChange={(v) => onChange(values.map((x, j) => (j === i ? v : x)))}
              />
              {!disabled && (
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  aria-label={t("list.removeItem", { item: label })}
                  onClick={() => onChange(values.filter((_, j) => j !== i))}
                >
                  {t("list.remove")}
                </Button>
              )}
            </Group>
          );
        })}
        <GroupError id={`${id}-error`} path={path} deep={false} />
        {!disabled && (
          <div>
            <Button
              variant="light"
              size="xs"
              aria-label={t("list.addTo", { legend })}
              onClick={() => onChange([...values, ""])}
            >
              {t("list.add")}
            </Button>
          </div>
        )}
      </Stack>
    </Fieldset>
  );
}
