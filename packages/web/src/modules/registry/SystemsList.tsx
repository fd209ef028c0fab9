import { Card, Group, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useJurisdictionName } from "../../app/components/useJurisdictionName";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { CategoryBadges, SystemKindBadge, SystemStatusBadge } from "./badges";
import { useNamedList, useSectorName } from "./labels";
import type { SystemSummary } from "./model";

function NameLink({ system }: { system: SystemSummary }) {
  return (
    <AnchorLink to="/registry/systems/$id" params={{ id: system.id }} search={{}} fw={600} data-testid="system-link">
      {system.name}
    </AnchorLink>
  );
}

function ProviderLink({ system }: { system: SystemSummary }) {
  return (
    <AnchorLink to="/members/organizations/$id" params={{ id: system.provider.id }} size="sm">
      {system.provider.name}
    </AnchorLink>
  );
}

/** The systems of one result page: a table on wide screens, cards on phones. */
export function SystemsList({ items }: { items: readonly SystemSummary[] }) {
  const { t } = useTranslation("registry");
  const f = useFormat();
  const jurisdiction = useJurisdictionName();
  const sector = useSectorName();
  const named = useNamedList();
  const wide = useMediaQuery("(min-width: 62em)", true);
  const published = (s: SystemSummary) => (s.publishedAt ? f.date(s.publishedAt) : t("list.notPublished"));

  if (!wide) {
    return (
      <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {items.map((s) => (
          <Card key={s.id} withBorder component="li" padding="md" data-testid="system-row" data-id={s.id}>
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <NameLink system={s} />{" "}
                  <Text span size="sm" c="dimmed">
                    <bdi>{s.versionLabel}</bdi>
                  </Text>
                </div>
                <SystemStatusBadge status={s.status} />
              </Group>
              <Text size="sm">
                {t("list.by")} <ProviderLink system={s} />
              </Text>
              <Group gap={4}>
                <SystemKindBadge kind={s.kind} />
              </Group>
              <CategoryBadges categories={s.categories} max={3} />
              {s.intendedPurpose && (
                <Text size="sm" lineClamp={3}>
                  {s.intendedPurpose}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t("list.jurisdictions")}: {named(s.jurisdictions, jurisdiction)}
              </Text>
              <Text size="xs" c="dimmed">
                {t("list.sectors")}: {named(s.sectors, sector)}
              </Text>
              <Text size="xs" c="dimmed">
                {t("list.published")}: {published(s)}
              </Text>
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <div className="table-scroll">
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("list.name")}</Table.Th>
            <Table.Th scope="col">{t("list.kind")}</Table.Th>
            <Table.Th scope="col">{t("list.categories")}</Table.Th>
            <Table.Th scope="col">{t("list.jurisdictions")}</Table.Th>
            <Table.Th scope="col">{t("list.sectors")}</Table.Th>
            <Table.Th scope="col">{t("list.status")}</Table.Th>
            <Table.Th scope="col">{t("list.published")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid="system-row" data-id={s.id}>
              <Table.Td style={{ minWidth: "12rem" }}>
                <NameLink system={s} />{" "}
                <Text span size="xs" c="dimmed">
                  <bdi>{s.versionLabel}</bdi>
                </Text>
                <Text size="sm">
                  {t("list.by")} <ProviderLink system={s} />
                </Text>
              </Table.Td>
              <Table.Td>
                <SystemKindBadge kind={s.kind} />
              </Table.Td>
              <Table.Td maw="24rem">
                {s.categories.length ? <CategoryBadges categories={s.categories} max={3} /> : "—"}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{named(s.jurisdictions, jurisdiction)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{named(s.sectors, sector)}</Text>
              </Table.Td>
              <Table.Td>
                <SystemStatusBadge status={s.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{published(s)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
