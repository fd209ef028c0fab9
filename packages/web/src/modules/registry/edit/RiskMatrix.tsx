import { SegmentedControl, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import { LEVEL_COLORS, levelOf, matrixCounts, type Risk, SCALE } from "./risks";

/** The 5 × 5 matrix (impact rows, likelihood columns) with the number of risks not closed in each cell. */
export function RiskMatrix({ risks }: { risks: Risk[] }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const [which, setWhich] = useState<"inherent" | "residual">("inherent");
  const counts = matrixCounts(risks, which);
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t("matrix.which")}
        value={which}
        onChange={(v) => setWhich(v as "inherent" | "residual")}
        data={[
          { value: "inherent", label: t("matrix.inherent") },
          { value: "residual", label: t("matrix.residual") },
        ]}
        style={{ alignSelf: "flex-start" }}
      />
      <div className="table-scroll" style={{ position: "relative" }}>
        <Table
          withTableBorder
          withColumnBorders
          data-testid="risk-matrix"
          style={{ tableLayout: "fixed", minWidth: 480, textAlign: "center" }}
        >
          <Table.Caption>{t(which === "inherent" ? "matrix.captionInherent" : "matrix.captionResidual")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" style={{ width: "28%" }}>
                {t("matrix.corner")}
              </Table.Th>
              {SCALE.map((l) => (
                <Table.Th key={l} scope="col" style={{ textAlign: "center" }}>
                  <Text size="xs" fw={700}>
                    {f.number(l)}
                  </Text>
                  <Text size="xs">{t(`scale.likelihood.${l}`)}</Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...SCALE].reverse().map((i) => (
              <Table.Tr key={i}>
                <Table.Th scope="row">
                  <Text size="xs" fw={700} span>
                    {f.number(i)}
                  </Text>{" "}
                  <Text size="xs" span>
                    {t(`scale.impact.${i}`)}
                  </Text>
                </Table.Th>
                {SCALE.map((l) => {
                  const n = counts[i - 1]![l - 1]!;
                  const level = levelOf(l, i);
                  return (
                    <Table.Td
                      key={l}
                      data-testid={`matrix-cell-${l}-${i}`}
                      data-count={n}
                      style={{
                        background: `var(--mantine-color-${LEVEL_COLORS[level]}-${n > 0 ? 3 : 0})`,
                        fontWeight: n > 0 ? 700 : 400,
                        color: n > 0 ? "var(--mantine-color-dark-9)" : "var(--mantine-color-gray-7)",
                      }}
                    >
                      {f.number(n)}
                      <VisuallyHidden>{` (${t(`levels.${level}`)})`}</VisuallyHidden>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Text size="xs" c="dimmed">
        {t("matrix.note")}
      </Text>
    </Stack>
  );
}
