import { Badge, EmptyState, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RelationBadge } from "../../../app/components/badges";
import { useFormat } from "../../../app/format";
import { ProblemAlert } from "../../../app/problem";
import { TableSkeleton } from "../../../app/TableSkeleton";
import { usePairs } from "../obligationQueries";
import { HopPath } from "./HopPath";
import { RequirementCell } from "./RequirementCell";

/** The requirement pairs behind one heatmap cell: direct mappings and inferred ones with their path. */
export function PairsTable({ source, target, maxHops }: { source: string; target: string; maxHops: number }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  const pairs = usePairs(source, target, maxHops);
  if (pairs.isPending) return <TableSkeleton />;
  if (pairs.error) return <ProblemAlert error={pairs.error} onRetry={() => void pairs.refetch()} />;
  if (pairs.data.pairs.length === 0)
    return <EmptyState title={t("pairs.emptyTitle")} description={t("pairs.emptyBody")} />;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("pairs.count", { n: f.number(pairs.data.pairs.length) })}
      </Text>
      <div className="table-scroll">
        <Table striped fz="sm" verticalSpacing="xs" data-testid="pairs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("pairs.source")}</Table.Th>
              <Table.Th scope="col">{t("pairs.relation")}</Table.Th>
              <Table.Th scope="col">{t("pairs.target")}</Table.Th>
              <Table.Th scope="col">{t("pairs.strength")}</Table.Th>
              <Table.Th scope="col">{t("pairs.kind")}</Table.Th>
              <Table.Th scope="col">{t("pairs.rationale")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pairs.data.pairs.map((p) => (
              <Table.Tr
                key={`${p.source.requirementId}>${p.target.requirementId}`}
                data-testid="pair-row"
                data-direct={p.direct}
              >
                <Table.Td>
                  <RequirementCell req={p.source} />
                </Table.Td>
                <Table.Td>
                  <RelationBadge relation={p.relation} />
                </Table.Td>
                <Table.Td>
                  <RequirementCell req={p.target} />
                </Table.Td>
                <Table.Td>{t("pairs.strengthValue", { n: f.number(p.strength) })}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Badge variant={p.direct ? "filled" : "light"} color={p.direct ? "blue" : "grape"}>
                      {p.direct ? t("pairs.direct") : t("pairs.inferred", { n: f.number(p.hops) })}
                    </Badge>
                    {!p.direct && <HopPath path={p.path} />}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ minWidth: "14rem" }}>
                  {p.rationale ?? (
                    <Text span c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}
