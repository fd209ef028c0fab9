import { FACTS, type FactPath } from "@concordia/core";
import { Badge, Code, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { valueText } from "../../csv";
import type { FactTrace } from "../../obligationTypes";

const RESULT_COLOURS = { true: "green", false: "gray", unknown: "orange" } as const;

const isFact = (f: string): f is FactPath => Object.hasOwn(FACTS, f);

/** The trace of a result: each fact tested, the test, the profile's value, and the outcome. */
export function TraceTable({ trace }: { trace: FactTrace[] }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return (
    <div className="table-scroll">
      <Table fz="sm" withTableBorder verticalSpacing={4} data-testid="trace">
        <Table.Caption style={{ captionSide: "top", textAlign: "start" }}>{t("trace.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("trace.fact")}</Table.Th>
            <Table.Th scope="col">{t("trace.test")}</Table.Th>
            <Table.Th scope="col">{t("trace.value")}</Table.Th>
            <Table.Th scope="col">{t("trace.result")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trace.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a trace may test one fact twice
            <Table.Tr key={`${row.fact}-${i}`} data-testid="trace-row">
              <Table.Td>
                {isFact(row.fact) ? t(`facts.${row.fact}`) : row.fact}{" "}
                <Text span size="xs" c="dimmed">
                  <bdi dir="ltr">{row.fact}</bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                <Code dir="ltr">{row.test}</Code>
              </Table.Td>
              <Table.Td>
                {row.value === undefined ? (
                  <Text span size="sm" fs="italic">
                    {t("trace.notAnswered")}
                  </Text>
                ) : (
                  <bdi dir="ltr">{valueText(row.value)}</bdi>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={RESULT_COLOURS[row.result]}>
                  {t(`trace.${row.result}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
