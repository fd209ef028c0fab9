import { Badge, Group, NumberInput, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { RequirementLink } from "../../app/components/RequirementLink";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { PageSection } from "../../app/PageSection";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";

/** Reference data whose review is overdue, oldest first, so the secretariat sees what is ageing. */
export function OverdueReviewsSection() {
  const { t } = useTranslation("rules");
  const format = useFormat();
  const api = useApi();
  const [maxAgeDays, setMaxAgeDays] = useState(365);
  const query = useQuery({
    queryKey: ["rules", "overdue-reviews", maxAgeDays],
    queryFn: () => api("overdueReviews", { query: { maxAgeDays } }),
  });
  return (
    <PageSection title={t("admin.overdue.title")} intro={t("admin.overdue.intro")} variant="card" size="h3">
      <Group mb="sm">
        <NumberInput
          label={t("admin.overdue.maxAge")}
          value={maxAgeDays}
          min={0}
          max={3650}
          w={220}
          onChange={(v) => typeof v === "number" && setMaxAgeDays(v)}
        />
      </Group>
      {query.isPending ? (
        <TableSkeleton rows={3} />
      ) : query.error || !query.data ? (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="overdue-none">
          {t("admin.overdue.none")}
        </Text>
      ) : (
        <>
          <Text size="sm" mb="xs" data-testid="overdue-count">
            {t("admin.overdue.count", { count: query.data.items.length })}
          </Text>
          <Table.ScrollContainer minWidth={560} maxHeight={420}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("admin.overdue.item")}</Table.Th>
                  <Table.Th>{t("admin.overdue.lastReviewed")}</Table.Th>
                  <Table.Th>{t("admin.overdue.age")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((item) => (
                  <Table.Tr key={`${item.instrumentId}/${item.requirementId ?? ""}`}>
                    <Table.Td>
                      {item.requirementId ? (
                        <RequirementLink instrumentId={item.instrumentId} requirementId={item.requirementId}>
                          {item.instrumentId} · {item.ref ?? item.requirementId} — {item.title}
                        </RequirementLink>
                      ) : (
                        <AnchorLink to="/instruments/$id" params={{ id: item.instrumentId }} fw={600}>
                          {item.title}
                        </AnchorLink>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {format.date(item.lastReviewed)}
                        {item.inherited && (
                          <Badge variant="light" color="gray" size="sm">
                            {t("admin.overdue.inherited")}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{t("admin.overdue.days", { count: item.ageDays })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </PageSection>
  );
}
