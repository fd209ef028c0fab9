import { Group, Stack, Switch, Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import type { CoverageMatrix } from "../obligationTypes";
import { BUCKET_COLOURS, bucketRanges, coverageGrid } from "./heatmap";

interface CoverageHeatmapProps {
  matrix: CoverageMatrix;
  selected: { source?: string; target?: string };
  onSelect: (covering: string, target: string) => void;
}

/** Percentages read as text; colour repeats the fully covered share and is explained in the legend. */
function Legend() {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  return (
    <Group gap="sm" wrap="wrap" aria-label={t("heatmap.legend")} role="group" data-testid="heatmap-legend">
      <Text size="sm" fw={600}>
        {t("heatmap.legend")}
      </Text>
      {bucketRanges().map(([from, to], i) => (
        <Group key={`${from}-${to}`} gap={4} wrap="nowrap">
          <span
            aria-hidden
            style={{
              display: "inline-block",
              width: 18,
              height: 18,
              borderRadius: 4,
              border: "1px solid var(--mantine-color-gray-5)",
              background: BUCKET_COLOURS[i]?.bg,
            }}
          />
          <Text size="sm">
            {from === to
              ? t("heatmap.percent", { value: f.number(from) })
              : t("heatmap.range", { from: f.number(from), to: f.number(to) })}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

/** Coverage of each instrument (column) by complying with another (row), as a table. */
export function CoverageHeatmap({ matrix, selected, onSelect }: CoverageHeatmapProps) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  const [all, setAll] = useState(false);
  const grid = useMemo(() => coverageGrid(matrix, all), [matrix, all]);
  const pct = (n: number, part: number) =>
    part > 0 && n === 0 ? t("heatmap.belowOne") : t("heatmap.percent", { value: f.number(n) });

  return (
    <Stack gap="sm">
      <Switch label={t("heatmap.showAll")} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
      <Legend />
      <div className="table-scroll">
        <Table withTableBorder withColumnBorders fz="sm" data-testid="heatmap" style={{ width: "auto" }}>
          <Table.Caption style={{ captionSide: "top", textAlign: "start" }}>{t("heatmap.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("heatmap.corner")}</Table.Th>
              {grid.columns.map((c) => (
                <Table.Th key={c.id} scope="col" style={{ minWidth: 90, verticalAlign: "bottom" }}>
                  {c.shortTitle}{" "}
                  <Text span size="xs" c="dimmed" dir="ltr">
                    ({c.jurisdiction})
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grid.rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" style={{ minWidth: 140 }}>
                  {r.shortTitle}{" "}
                  <Text span size="xs" c="dimmed" dir="ltr">
                    ({r.jurisdiction})
                  </Text>
                </Table.Th>
                {grid.columns.map((c) => {
                  const cell = grid.cell(r.id, c.id);
                  if (!cell) {
                    return (
                      <Table.Td key={c.id} style={{ textAlign: "center" }}>
                        <span aria-hidden>—</span>
                        <VisuallyHidden>{t("heatmap.same")}</VisuallyHidden>
                      </Table.Td>
                    );
                  }
                  const colours = BUCKET_COLOURS[cell.bucket] ?? BUCKET_COLOURS[0]!;
                  const active = selected.source === r.id && selected.target === c.id;
                  const label = t("heatmap.cellLabel", {
                    covering: r.shortTitle,
                    target: c.shortTitle,
                    full: pct(cell.fullPct, cell.full),
                    partial: pct(cell.partialPct, cell.partial),
                    total: f.number(cell.total),
                  });
                  const text = (
                    <>
                      <Text span fw={700} size="sm" style={{ display: "block" }}>
                        {pct(cell.fullPct, cell.full)}
                      </Text>
                      {cell.partial > 0 && (
                        <Text span size="xs" style={{ display: "block" }}>
                          {t("heatmap.partly", { value: pct(cell.partialPct, cell.partial) })}
                        </Text>
                      )}
                    </>
                  );
                  return (
                    <Table.Td
                      key={c.id}
                      p={0}
                      style={{
                        background: colours.bg,
                        color: colours.fg,
                        outline: active ? "3px solid var(--mantine-color-orange-7)" : undefined,
                        outlineOffset: -3,
                      }}
                    >
                      {cell.full + cell.partial > 0 ? (
                        <UnstyledButton
                          onClick={() => onSelect(r.id, c.id)}
                          aria-label={label}
                          aria-pressed={active}
                          data-testid="heatmap-cell"
                          data-covering={r.id}
                          data-target={c.id}
                          style={{
                            display: "block",
                            width: "100%",
                            padding: "6px 8px",
                            color: "inherit",
                            textAlign: "center",
                          }}
                        >
                          {text}
                        </UnstyledButton>
                      ) : (
                        <div style={{ padding: "6px 8px", textAlign: "center" }}>{text}</div>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}
