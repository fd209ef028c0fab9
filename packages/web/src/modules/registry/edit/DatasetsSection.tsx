import { Button, Fieldset, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import { TriStateField } from "../../rules/finder/wizard/TriStateField";
import { type DatasetRow, emptyDataset } from "./documentForm";
import { useErrorMap } from "./FieldErrors";
import type { SectionProps } from "./sectionProps";

/** The datasets used to train, fine-tune or evaluate the system. */
export function DatasetsSection({ form, update }: SectionProps) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const rows = form.datasets;
  const set = (datasets: DatasetRow[]) => update((x) => ({ ...x, datasets }));
  return (
    <Stack gap="md">
      <Text size="sm">{t("datasets.intro")}</Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("datasets.empty")}
        </Text>
      )}
      {rows.map((row, i) => (
        <DatasetFields
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a list being typed
          key={i}
          index={i}
          row={row}
          onChange={(r) => set(rows.map((x, j) => (j === i ? r : x)))}
          onRemove={() => set(rows.filter((_, j) => j !== i))}
        />
      ))}
      <div>
        <Button variant="light" size="xs" onClick={() => set([...rows, emptyDataset()])}>
          {t("datasets.add")}
        </Button>
      </div>
    </Stack>
  );
}

function DatasetFields({
  index,
  row,
  onChange,
  onRemove,
}: {
  index: number;
  row: DatasetRow;
  onChange: (row: DatasetRow) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const errors = useErrorMap();
  const path = `datasets.${index}`;
  const text = (field: "name" | "description" | "url" | "license" | "sha256") => ({
    value: row[field],
    onChange: (e: { currentTarget: { value: string } }) => onChange({ ...row, [field]: e.currentTarget.value }),
    error: errors[`${path}.${field}`],
  });
  const legend = row.name.trim() || t("datasets.legend", { n: f.number(index + 1) });
  return (
    <Fieldset miw={0} legend={legend} variant="filled" data-testid={`dataset-${index}`}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("datasets.name")} required maxLength={300} {...text("name")} />
          <TextInput label={t("datasets.license")} maxLength={200} {...text("license")} />
        </SimpleGrid>
        <Textarea label={t("datasets.description")} autosize minRows={2} maxLength={4000} {...text("description")} />
        <TextInput
          label={t("datasets.url")}
          description={t("datasets.urlHint")}
          type="url"
          dir="ltr"
          {...text("url")}
        />
        <TextInput
          label={t("datasets.sha256")}
          description={t("datasets.sha256Hint")}
          dir="ltr"
          ff="monospace"
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          {...text("sha256")}
        />
        <TriStateField
          label={t("datasets.personalData")}
          description={t("datasets.personalDataHint")}
          value={row.containsPersonalData}
          onChange={(containsPersonalData) => onChange({ ...row, containsPersonalData })}
        />
        <Group justify="flex-end">
          <Button
            variant="subtle"
            color="red"
            size="xs"
            onClick={onRemove}
            aria-label={t("datasets.removeNamed", { name: legend })}
          >
            {t("list.remove")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
