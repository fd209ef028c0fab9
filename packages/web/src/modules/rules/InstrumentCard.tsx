import { Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { BindingBadge, InstrumentStatusBadge, KindBadge, VerifyBadge } from "./badges";
import { useDay, useJurisdictionLabel } from "./format";
import type { InstrumentSummary } from "./types";

export const DATE_KEYS = ["signed", "adopted", "published", "entryIntoForce"] as const;

/** One term and its value in a description list. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

/** An instrument in the library: titles, badges, key dates and counts. */
export function InstrumentCard({ item, searching }: { item: InstrumentSummary; searching: boolean }) {
  const { t } = useTranslation("rules");
  const f = useFormat();
  const day = useDay();
  const jurisdiction = useJurisdictionLabel();
  const official = item.titles.official;
  const dates = DATE_KEYS.filter((k) => item.dates[k]);
  return (
    <Card withBorder padding="md" component="article" data-testid="instrument-card" data-id={item.id}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          <AnchorLink to="/instruments/$id" params={{ id: item.id }} search={{}}>
            {item.shortTitle}
          </AnchorLink>
        </Title>
        <Text size="sm" dir="auto">
          {item.titles.en}
        </Text>
        {official && official.text !== item.titles.en && (
          <Text size="sm" c="dimmed" lang={official.lang} dir="auto" data-testid="official-title">
            {official.text}
          </Text>
        )}
        <Group gap="xs">
          <KindBadge kind={item.kind} />
          <InstrumentStatusBadge status={item.status} />
          <BindingBadge binding={item.binding} />
          {item.verifyCount > 0 && <VerifyBadge count={f.number(item.verifyCount)} />}
        </Group>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {t("facts.issuedBy", { body: item.issuingBody })}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 3, md: 6 }} spacing="sm" m={0}>
          <Fact label={t("facts.jurisdiction")}>
            <span data-testid="jurisdiction">{jurisdiction(item.jurisdiction)}</span>
          </Fact>
          {dates.map((k) => (
            <Fact key={k} label={t(`dates.${k}`)}>
              {day(item.dates[k] ?? "")}
            </Fact>
          ))}
          <Fact label={t("facts.requirements")}>{f.number(item.requirementCount)}</Fact>
          {searching && item.matches !== undefined && (
            <Fact label={t("facts.matches")}>
              <span data-testid="matches">{f.number(item.matches)}</span>
            </Fact>
          )}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
