import { Button, Table, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";

export interface Bar {
  key: string;
  label: string;
  count: number;
}

interface StatsBarsProps {
  caption: string;
  /** Column headings: what a row is, and the count. */
  itemHeading: string;
  countHeading: string;
  bars: readonly Bar[];
  /** The label of a row, e.g. a link that filters the register by it. */
  renderLabel?: (bar: Bar) => ReactNode;
  testId?: string;
  /** Rows shown before "show all". */
  limit?: number;
}

/**
 * A horizontal bar chart drawn as a table: each row is read as "label, count" by screen
 * readers (the bars are decoration), it follows the page's direction (right to left in
 * Arabic), and it narrows on phones without a chart library.
 */
export function StatsBars({
  caption,
  itemHeading,
  countHeading,
  bars,
  renderLabel,
  testId,
  limit = 10,
}: StatsBarsProps) {
  const { t } = useTranslation("registry");
  const f = useFormat();
  const [all, setAll] = useState(false);
  const sorted = [...bars].sort((a, b) => b.count - a.count || f.compare(a.label, b.label));
  const shown = all ? sorted : sorted.slice(0, limit);
  const max = Math.max(1, ...sorted.map((b) => b.count));
  if (sorted.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t("stats.none")}
      </Text>
    );
  }
  return (
    <div data-testid={testId}>
      <Table verticalSpacing={6} withRowBorders={false} layout="fixed">
        <Table.Caption style={{ captionSide: "top", textAlign: "start", fontWeight: 600 }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="45%">
              {itemHeading}
            </Table.Th>
            <Table.Th scope="col">{countHeading}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((b) => (
            <Table.Tr key={b.key} data-testid="stats-row" data-key={b.key}>
              <Table.Th scope="row" fw={400} style={{ overflowWrap: "anywhere" }}>
                {renderLabel ? renderLabel(b) : b.label}
              </Table.Th>
              <Table.Td>
                <div style={{ display: "flex", alignItems: "center", gap: "var(--mantine-spacing-xs)" }}>
                  <div
                    aria-hidden="true"
                    style={{
                      height: 14,
                      width: `${(b.count / max) * 80}%`,
                      minWidth: 2,
                      background: "var(--mantine-color-blue-7)",
                      borderRadius: 2,
                    }}
                  />
                  <Text span size="sm" fw={600}>
                    {f.number(b.count)}
                  </Text>
                </div>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {sorted.length > limit && (
        <Button variant="subtle" size="compact-sm" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? t("stats.showFewer") : t("stats.showAll", { n: f.number(sorted.length) })}
        </Button>
      )}
    </div>
  );
}
