import { RISK_LEVELS } from "@concordia/core";
import { Badge, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { RiskRegisterPanel } from "./edit/RiskRegisterPanel";
import type { SystemView } from "./model";

const LEVEL_COLORS = { low: "green", medium: "yellow", high: "orange", critical: "red" } as const;

/** The risk summary (for everyone) and the risk register (for the provider, auditors, delegates, the secretariat). */
export function RisksTab({ system }: { system: SystemView }) {
  const { t } = useTranslation("registry");
  const f = useFormat();
  const s = system.riskSummary;
  // registryPolicy.readRisks / readAllRisks, as the system's answer reports them; the panel still handles a refusal.
  const mayRead = system.can.readRisks;

  return (
    <Stack gap="xl">
      <section aria-labelledby="risk-summary-heading">
        <Title order={3} id="risk-summary-heading" mb="xs">
          {t("risks.summaryTitle")}
        </Title>
        <Text size="sm" mb="sm" data-testid="risk-totals">
          {t("risks.totals", { total: f.number(s.total), open: f.number(s.open) })}
        </Text>
        <div className="table-scroll">
          <Table withTableBorder maw={520} data-testid="risk-summary">
            <Table.Caption style={{ captionSide: "top", textAlign: "start" }}>{t("risks.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("risks.level")}</Table.Th>
                <Table.Th scope="col">{t("risks.inherent")}</Table.Th>
                <Table.Th scope="col">{t("risks.residual")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...RISK_LEVELS].reverse().map((level) => (
                <Table.Tr key={level} data-level={level}>
                  <Table.Th scope="row" fw={500}>
                    <Badge variant="light" color={LEVEL_COLORS[level]}>
                      {t(`risks.levels.${level}`)}
                    </Badge>
                  </Table.Th>
                  <Table.Td>{f.number(s.inherent[level] ?? 0)}</Table.Td>
                  <Table.Td>{f.number(s.residual[level] ?? 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </section>
      <section aria-labelledby="risk-register-heading">
        <Title order={3} id="risk-register-heading" mb="xs">
          {t("risks.registerTitle")}
        </Title>
        {mayRead ? (
          <RiskRegisterPanel systemId={system.id} canEdit={system.canWriteRisks} />
        ) : (
          <Text c="dimmed" data-testid="risk-register-restricted">
            {t("risks.restricted")}
          </Text>
        )}
      </section>
    </Stack>
  );
}
