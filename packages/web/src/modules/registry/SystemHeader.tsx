import { Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink, ButtonLink } from "../../app/links";
import { Fact, ltr } from "../log/bits";
import { SystemKindBadge, SystemStatusBadge } from "./badges";
import { LifecycleActions } from "./LifecycleActions";
import type { SystemView } from "./model";

/** Name, version, kind, provider, status, publication and its log record; the owner's actions. */
export function SystemHeader({ system, name }: { system: SystemView; name: string }) {
  const { t } = useTranslation("registry");
  const f = useFormat();
  const doc = system.document;
  return (
    <Stack gap="md">
      <AnchorLink to="/registry" search={{}} size="sm">
        {t("system.back")}
      </AnchorLink>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Title order={1} data-testid="system-name" style={{ overflowWrap: "anywhere" }}>
            {name}
          </Title>
          <Group gap="xs">
            {doc.kind && <SystemKindBadge kind={doc.kind} />}
            <SystemStatusBadge status={system.status} />
            {doc.versionLabel && (
              <Text size="sm" c="dimmed" data-testid="system-version-label">
                {t("system.versionLabel", { label: ltr(doc.versionLabel), version: f.number(system.version) })}
              </Text>
            )}
          </Group>
        </Stack>
        {system.canEdit && (
          <ButtonLink
            to="/registry/systems/$id/edit"
            params={{ id: system.id }}
            variant="outline"
            data-testid="edit-system"
          >
            {t("system.edit")}
          </ButtonLink>
        )}
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} spacing="md" m={0}>
        <Fact label={t("system.provider")}>
          <AnchorLink to="/members/organizations/$id" params={{ id: system.provider.id }} data-testid="system-provider">
            {system.provider.name}
          </AnchorLink>
        </Fact>
        <Fact label={t("system.published")}>
          {system.publishedAt ? f.date(system.publishedAt) : t("system.notPublished")}
        </Fact>
        <Fact label={t("system.updated")}>{f.date(system.updatedAt)}</Fact>
        <Fact label={t("system.logRecord")}>
          {system.logIndex === null ? (
            t("system.noLogRecord")
          ) : (
            <Group gap="sm" component="span">
              <AnchorLink
                to="/log/entries/$index"
                params={{ index: String(system.logIndex) }}
                data-testid="system-log-entry"
              >
                {t("system.logEntry", { index: f.number(system.logIndex) })}
              </AnchorLink>
              <AnchorLink
                to="/verify"
                search={{ index: system.logIndex }}
                data-testid="system-log-verify"
                aria-label={t("system.verifyLabel", { index: f.number(system.logIndex) })}
              >
                {t("system.verify")}
              </AnchorLink>
            </Group>
          )}
        </Fact>
      </SimpleGrid>
      <LifecycleActions system={system} />
    </Stack>
  );
}
