import { Button, Fieldset, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import { emptyMetric, type MetricRow, type ModelCardForm, type TextList } from "./documentForm";
import { GroupError, useFieldError } from "./FieldErrors";
import { StringListField } from "./StringListField";
import type { SectionProps } from "./sectionProps";

const TEXTS = ["approach", "task", "architecture", "license"] as const;
const METRIC_COLUMNS = ["name", "value", "dataset", "slice"] as const;

/** The model card: how the model works, what it takes and gives, how well it does, what to watch for. */
export function ModelCardSection({ form, update }: SectionProps) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const mc = form.modelCard;
  const set = (change: Partial<ModelCardForm>) => update((x) => ({ ...x, modelCard: { ...x.modelCard, ...change } }));
  const list = (key: TextList, multiline = false) => (
    <StringListField
      legend={t(`modelCard.${key}`)}
      description={t(`modelCard.${key}Hint`)}
      values={mc[key]}
      onChange={(values) => set({ [key]: values })}
      path={`modelCard.${key}`}
      multiline={multiline}
      maxLength={multiline ? 2000 : 300}
    />
  );
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {TEXTS.map((key) => (
          <TextField key={key} field={key} value={mc[key]} onChange={(v) => set({ [key]: v })} />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {list("inputs")}
        {list("outputs")}
      </SimpleGrid>
      <MetricsTable rows={mc.metrics} onChange={(metrics) => set({ metrics })} />
      {list("limitations", true)}
      {list("ethicalConsiderations", true)}
      {list("useCases", true)}
    </Stack>
  );
}

function TextField({
  field,
  value,
  onChange,
}: {
  field: (typeof TEXTS)[number];
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  return (
    <TextInput
      label={t(`modelCard.${field}`)}
      description={t(`modelCard.${field}Hint`)}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={useFieldError(`modelCard.${field}`)}
      maxLength={field === "license" ? 200 : 300}
    />
  );
}

function MetricCell({
  row,
  column,
  value,
  onChange,
}: {
  row: number;
  column: (typeof METRIC_COLUMNS)[number];
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  return (
    <TextInput
      aria-label={t("metrics.cellLabel", { column: t(`metrics.${column}`), n: f.number(row + 1) })}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={useFieldError(`modelCard.metrics.${row}.${column}`)}
      maxLength={column === "name" || column === "value" ? 200 : 300}
      size="xs"
      miw={120}
      data-testid={`metric-${row}-${column}`}
    />
  );
}

/** Performance metrics as an editable table: metric, value, dataset and slice (the last two optional). */
function MetricsTable({ rows, onChange }: { rows: MetricRow[]; onChange: (rows: MetricRow[]) => void }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const id = useId();
  const setCell = (i: number, column: keyof MetricRow, v: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [column]: v } : r)));
  return (
    <Fieldset miw={0} legend={t("metrics.legend")} variant="unstyled">
      <Stack gap="xs">
        <Text size="xs" c="dimmed" id={`${id}-hint`}>
          {t("metrics.hint")}
        </Text>
        {rows.length > 0 && (
          <div className="table-scroll" style={{ position: "relative" }}>
            <Table aria-describedby={`${id}-hint`} verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  {METRIC_COLUMNS.map((c) => (
                    <Table.Th key={c} scope="col">
                      {t(`metrics.${c}`)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">
                    <VisuallyHidden>{t("metrics.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a table being typed
                  <Table.Tr key={i}>
                    {METRIC_COLUMNS.map((c) => (
                      <Table.Td key={c}>
                        <MetricCell row={i} column={c} value={r[c]} onChange={(v) => setCell(i, c, v)} />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={t("metrics.removeRow", { n: f.number(i + 1) })}
                        onClick={() => onChange(rows.filter((_, j) => j !== i))}
                      >
                        {t("list.remove")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <GroupError id={`${id}-error`} path="modelCard.metrics" deep={false} />
        <div>
          <Button variant="light" size="xs" onClick={() => onChange([...rows, emptyMetric()])}>
            {t("metrics.add")}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
