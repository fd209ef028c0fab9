import { EmptyState, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CoverageBadge, RelationBadge } from "../../../app/components/badges";
import { RequirementLink } from "../../../app/components/RequirementLink";
import { useFormat } from "../../../app/format";
import { HopPath } from "../crosswalks/HopPath";
import { RequirementCell } from "../crosswalks/RequirementCell";
import type { GapItem } from "../obligationTypes";

/** The target's requirements with their coverage and the covering requirements behind it. */
export function GapTable({ target, items }: { target: string; items: GapItem[] }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  if (items.length === 0) return <EmptyState title={t("gap.noMatchTitle")} description={t("gap.noMatchBody")} />;
  return (
    <div className="table-scroll">
      <Table striped fz="sm" verticalSpacing="xs" data-testid="gap-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("gap.requirement")}</Table.Th>
            <Table.Th scope="col">{t("gap.coverage")}</Table.Th>
            <Table.Th scope="col">{t("gap.coveredBy")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.requirementId} data-testid="gap-row" data-coverage={item.coverage}>
              <Table.Td style={{ minWidth: "14rem" }}>
                <RequirementLink instrumentId={target} requirementId={item.requirementId}>
                  <bdi>{item.ref}</bdi>
                </RequirementLink>{" "}
                {item.title}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <CoverageBadge coverage={item.coverage} />
                  {item.derived && (
                    <Text size="xs" c="dimmed">
                      {t(`gap.derived.${item.derived}`)}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td style={{ minWidth: "18rem" }}>
                {item.via.length === 0 ? (
                  <Text span size="sm" c="dimmed">
                    —
                  </Text>
                ) : (
                  <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
                    {item.via.map((v) => (
                      <li key={`${v.from.instrumentId}:${v.from.requirementId}`}>
                        <RequirementCell req={v.from} />
                        <Group gap={6} mt={2} wrap="wrap">
                          <RelationBadge relation={v.relation} />
                          <Text size="xs" c="dimmed">
                            {v.hops === 1 ? t("pairs.direct") : t("pairs.inferred", { n: f.number(v.hops) })} ·{" "}
                            {t("pairs.strengthValue", { n: f.number(v.strength) })}
                          </Text>
                        </Group>
                        <HopPath path={v.path} />
                      </li>
                    ))}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
