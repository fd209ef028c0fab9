import { Alert, Badge, Button, EmptyState, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BindingBadge, StatusBadge } from "../../app/components/badges";
import { useJurisdictionName } from "../../app/components/useJurisdictionName";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { ltr } from "../log/bits";
import { CategoryBadges } from "./badges";
import { ChangesList } from "./ChangesList";
import { byJurisdiction, type Classification, type ClassifiedInstrument, obligationCounts } from "./model";
import { useClassificationHistory } from "./queries";

function InstrumentCard({ item }: { item: ClassifiedInstrument }) {
  const { t } = useTranslation("registry");
  const f = useFormat();
  const counts = obligationCounts(item.obligations);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      data-testid="classified-instrument"
      data-instrument={item.instrumentId}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={4}>
            <AnchorLink to="/instruments/$id" params={{ id: item.instrumentId }} search={{}}>
              {item.shortTitle}
            </AnchorLink>{" "}
            <Text span size="xs" c="dimmed" fw={400}>
              {t("classification.version", { version: ltr(item.version) })}
            </Text>
          </Title>
          <Group gap={6}>
            <BindingBadge binding={item.binding} />
            <StatusBadge status={item.status} />
          </Group>
        </Group>
        <Text size="sm" data-testid="classified-category">
          {t("classification.category")}{" "}
          <Text span fw={700}>
            {item.category ? item.category.label : t("classification.noCategory")}
          </Text>
        </Text>
        {item.possibleCategories.length > 0 && (
          <Group gap={6}>
            <Text size="sm">{t("classification.possible")}</Text>
            {item.possibleCategories.map((c) => (
              <Badge key={c} variant="light" color="orange" tt="none">
                {c}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t("classification.counts", { applies: f.number(counts.applies), may: f.number(counts.mayApply) })}
        </Text>
      </Stack>
    </Paper>
  );
}

function History({ systemId }: { systemId: string }) {
  const { t } = useTranslation("registry");
  const f = useFormat();
  const history = useClassificationHistory(systemId);
  if (history.isPending) return <TableSkeleton rows={3} />;
  if (history.error) return <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0) return <Text c="dimmed">{t("classification.noHistory")}</Text>;
  return (
    <Stack
      gap="sm"
      component="ol"
      style={{ listStyle: "none", padding: 0, margin: 0 }}
      data-testid="classification-history"
    >
      {history.data.items.map((h) => (
        <Paper key={`${h.evaluatedAt}-${h.rulesRevision}`} component="li" withBorder p="sm" radius="sm">
          <Text size="sm" fw={600} mb={4}>
            {t("classification.evaluated", { date: f.dateTime(h.evaluatedAt), revision: f.number(h.rulesRevision) })}
          </Text>
          <ChangesList changes={h.changes} />
        </Paper>
      ))}
    </Stack>
  );
}

/** How each jurisdiction's instruments classify the system, what changed, and every re-classification. */
export function ClassificationTab({
  systemId,
  classification,
}: {
  systemId: string;
  classification: Classification | null;
}) {
  const { t } = useTranslation("registry");
  const f = useFormat();
  const name = useJurisdictionName();
  const [showAll, setShowAll] = useState(false);
  if (!classification) {
    return <EmptyState title={t("classification.noneTitle")} description={t("classification.noneBody")} />;
  }
  const notApplying = classification.instruments.filter((i) => i.status === "does-not-apply").length;
  const groups = byJurisdiction(
    showAll ? classification.instruments : classification.instruments.filter((i) => i.status !== "does-not-apply"),
  );
  return (
    <Stack gap="xl">
      {classification.stale && (
        <Alert color="yellow" title={t("classification.staleTitle")} data-testid="classification-stale">
          {t("classification.staleBody")}
        </Alert>
      )}
      <Stack gap="xs">
        <Text size="sm" data-testid="classification-evaluated">
          {t("classification.evaluated", {
            date: f.dateTime(classification.evaluatedAt),
            revision: f.number(classification.rulesRevision),
          })}
        </Text>
        <Text size="sm">
          {t("classification.bindingIn", {
            list: classification.jurisdictions.length ? classification.jurisdictions.map(name).join(", ") : "—",
          })}
        </Text>
        <CategoryBadges categories={classification.categories} />
      </Stack>
      <section aria-labelledby="changes-heading">
        <Title order={3} id="changes-heading" mb="xs">
          {t("classification.changesTitle")}
        </Title>
        <ChangesList changes={classification.changes} testId="classification-changes" />
      </section>
      {notApplying > 0 && (
        <div>
          <Button
            variant="light"
            size="compact-sm"
            aria-expanded={showAll}
            onClick={() => setShowAll((v) => !v)}
            data-testid="toggle-not-applying"
          >
            {showAll
              ? t("classification.hideNotApplying")
              : t("classification.showNotApplying", { n: f.number(notApplying) })}
          </Button>
        </div>
      )}
      {groups.map(([code, instruments]) => (
        <section
          key={code}
          aria-labelledby={`cls-${code}`}
          data-testid="classification-jurisdiction"
          data-jurisdiction={code}
        >
          <Title order={3} id={`cls-${code}`} mb="sm">
            {name(code)}{" "}
            <Text span c="dimmed" size="sm" dir="ltr">
              ({code})
            </Text>
          </Title>
          <Stack gap="sm">
            {instruments.map((i) => (
              <InstrumentCard key={i.instrumentId} item={i} />
            ))}
          </Stack>
        </section>
      ))}
      <section aria-labelledby="history-heading">
        <Title order={3} id="history-heading" mb="xs">
          {t("classification.historyTitle")}
        </Title>
        <History systemId={systemId} />
      </section>
    </Stack>
  );
}
