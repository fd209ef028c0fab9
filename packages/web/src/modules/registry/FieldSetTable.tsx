import { Anchor, Badge, Code, List, Table, Text } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { ExportField, FieldStatus } from "./model";
import { valueLines } from "./model";

const STATUS_COLORS: Record<FieldStatus, string> = { mapped: "green", "not-recorded": "gray", withheld: "orange" };

export function FieldStatusBadge({ status }: { status: FieldStatus }) {
  const { t } = useTranslation("registry");
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} data-testid="field-status" data-status={status}>
      {t(`exports.status.${status}`)}
    </Badge>
  );
}

function Value({ field }: { field: ExportField }) {
  const { t } = useTranslation("registry");
  if (field.status === "withheld") {
    return (
      <Text size="sm" fs="italic">
        {t("exports.withheldValue")}
      </Text>
    );
  }
  const lines = valueLines(field.value);
  if (lines.length === 0) return <Text size="sm">—</Text>;
  const show = (line: string) =>
    /^https?:\/\/\S+$/.test(line) ? (
      <Anchor href={line} target="_blank" rel="noopener noreferrer" dir="ltr" size="sm">
        {line}
      </Anchor>
    ) : (
      line
    );
  return lines.length === 1 ? (
    <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
      {show(lines[0] ?? "")}
    </Text>
  ) : (
    <List size="sm" spacing={2}>
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: values may repeat
        <List.Item key={i} style={{ overflowWrap: "anywhere" }}>
          {show(l)}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * Every item of a standard's field set, in its order, grouped by the standard's sections: the
 * item number and label (the standard's words), whether the register maps it, and the value.
 */
export function FieldSetTable({
  fields,
  caption,
  testId,
}: {
  fields: readonly ExportField[];
  caption: string;
  testId: string;
}) {
  const { t } = useTranslation("registry");
  const sections: { section: string; fields: ExportField[] }[] = [];
  for (const f of fields) {
    const last = sections[sections.length - 1];
    if (last && last.section === f.section) last.fields.push(f);
    else sections.push({ section: f.section, fields: [f] });
  }
  return (
    <div className="table-scroll">
      <Table withTableBorder verticalSpacing="xs" data-testid={testId}>
        <Table.Caption style={{ captionSide: "top", textAlign: "start" }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("exports.item")}</Table.Th>
            <Table.Th scope="col">{t("exports.field")}</Table.Th>
            <Table.Th scope="col">{t("exports.statusHeading")}</Table.Th>
            <Table.Th scope="col">{t("exports.value")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sections.map((s, si) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a section name may come back after another
            <Fragment key={`${s.section}-${si}`}>
              {s.section && (
                <Table.Tr bg="var(--mantine-color-gray-0)">
                  <Table.Th scope="colgroup" colSpan={4}>
                    {s.section}
                  </Table.Th>
                </Table.Tr>
              )}
              {s.fields.map((f) => (
                <Table.Tr key={f.key} data-testid="field-row" data-key={f.key} data-status={f.status}>
                  <Table.Td>
                    <Code dir="ltr">{f.key}</Code>
                  </Table.Td>
                  <Table.Th scope="row" fw={500} style={{ minWidth: "12rem" }}>
                    {f.label}
                    {f.note && (
                      <Text size="xs" c="dimmed" fw={400} mt={2}>
                        {f.note}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <FieldStatusBadge status={f.status} />
                  </Table.Td>
                  <Table.Td style={{ minWidth: "14rem" }}>
                    <Value field={f} />
                    {f.from && f.status !== "not-recorded" && (
                      <Text size="xs" c="dimmed" mt={2}>
                        {t("exports.from")} <bdi dir="ltr">{f.from}</bdi>
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
