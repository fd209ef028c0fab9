import { Badge, Checkbox, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BindingBadge, CoverageBadge, RelationBadge, StatusBadge } from "../../../../app/components/badges";
import { RequirementLink } from "../../../../app/components/RequirementLink";
import { useJurisdictionName } from "../../../../app/components/useJurisdictionName";
import type { ChecklistItem } from "../../obligationTypes";

interface ChecklistItemCardProps {
  item: ChecklistItem;
  done: boolean;
  onDone: (done: boolean) => void;
  /** Short titles of instruments by id, where known. */
  titles: ReadonlyMap<string, string>;
}

/** One item of the comply-once checklist: the obligation to do, and what it satisfies in each jurisdiction. */
export function ChecklistItemCard({ item, done, onDone, titles }: ChecklistItemCardProps) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const name = useJurisdictionName();
  const a = item.anchor;
  return (
    <Paper withBorder p="md" radius="md" component="li" data-testid="checklist-item">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Checkbox
            checked={done}
            onChange={(e) => onDone(e.currentTarget.checked)}
            label={
              <Text span fw={600}>
                {a.title}
              </Text>
            }
            aria-describedby={`anchor-${a.instrumentId}-${a.requirementId}`}
            style={{ flex: "1 1 16rem" }}
          />
          <Group gap={6}>
            <Badge variant="light" color="blue">
              {t("comply.jurisdictionCount", { n: item.jurisdictions.length })}
            </Badge>
            <StatusBadge status={a.status} />
          </Group>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" id={`anchor-${a.instrumentId}-${a.requirementId}`}>
            {name(a.jurisdiction)} · {titles.get(a.instrumentId) ?? a.instrumentId}{" "}
            <RequirementLink instrumentId={a.instrumentId} requirementId={a.requirementId}>
              <bdi>{a.ref}</bdi>
            </RequirementLink>
          </Text>
          <BindingBadge binding={a.binding} />
        </Group>
        {item.satisfies.length > 0 && (
          <div className="table-scroll">
            <Table fz="sm" withTableBorder verticalSpacing={4}>
              <Table.Caption style={{ captionSide: "top", textAlign: "start" }}>
                {t("comply.satisfiesCaption")}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("comply.jurisdiction")}</Table.Th>
                  <Table.Th scope="col">{t("comply.obligation")}</Table.Th>
                  <Table.Th scope="col">{t("comply.coverage")}</Table.Th>
                  <Table.Th scope="col">{t("comply.relation")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {item.satisfies.map((s) => (
                  <Table.Tr key={`${s.instrumentId}:${s.requirementId}`} data-testid="satisfies-row">
                    <Table.Td>{name(s.jurisdiction)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        <bdi>{titles.get(s.instrumentId) ?? s.instrumentId}</bdi>{" "}
                        <RequirementLink instrumentId={s.instrumentId} requirementId={s.requirementId}>
                          <bdi>{s.ref}</bdi>
                        </RequirementLink>{" "}
                        {s.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <CoverageBadge coverage={s.coverage} />
                    </Table.Td>
                    <Table.Td>
                      <RelationBadge relation={s.relation} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
