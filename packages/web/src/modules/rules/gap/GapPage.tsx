import {
  Alert,
  Button,
  Container,
  EmptyState,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadCsv } from "../../../app/download";
import { useFormat } from "../../../app/format";
import { AnchorLink } from "../../../app/links";
import { PageSection } from "../../../app/PageSection";
import { ProblemAlert } from "../../../app/problem";
import { TableSkeleton } from "../../../app/TableSkeleton";
import { usePageTitle } from "../../../app/usePageTitle";
import { gapCsv } from "../csv";
import { useGap, useInstrumentOptions } from "../obligationQueries";
import { COVERAGES, type Coverage, DEFAULT_HOPS, HOP_CHOICES } from "../obligationTypes";
import { GapPicker } from "./GapPicker";
import { GapSummary } from "./GapSummary";
import { GapTable } from "./GapTable";

const route = getRouteApi("/gap");

/** Gap analysis: which requirements of B complying with A fully, partly or does not cover. */
export function GapPage() {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  usePageTitle(t("gap.title"));
  const f = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const maxHops = (HOP_CHOICES as readonly number[]).includes(search.maxHops ?? -1) ? search.maxHops! : DEFAULT_HOPS;
  const { covering, target } = search;
  const gap = useGap(covering, target, maxHops);
  const instruments = useInstrumentOptions();
  const titleOf = (id: string) => instruments.data?.items.find((i) => i.id === id)?.shortTitle ?? id;
  const [filter, setFilter] = useState<Coverage | "all">("all");
  const items = useMemo(
    () => (gap.data?.items ?? []).filter((i) => filter === "all" || i.coverage === filter),
    [gap.data, filter],
  );

  return (
    <Container size="xl" py="md">
      <Stack gap="xl">
        <Stack gap="xs" maw={820}>
          <Title order={1}>{t("gap.title")}</Title>
          <Text>{t("gap.intro")}</Text>
          <Group gap="md">
            <AnchorLink to="/crosswalks" search={{}} size="sm">
              {t("crosswalks.title")}
            </AnchorLink>
            <AnchorLink to="/obligations" search={{}} size="sm">
              {t("finder.title")}
            </AnchorLink>
          </Group>
        </Stack>

        <GapPicker
          value={{ covering, target, maxHops }}
          onChange={(c) =>
            void navigate({
              search: {
                covering: c.covering,
                target: c.target,
                maxHops: c.maxHops === DEFAULT_HOPS ? undefined : c.maxHops,
              },
              replace: true,
            })
          }
        />

        {!covering || !target ? (
          <EmptyState title={t("gap.pickTitle")} description={t("gap.pickBody")} />
        ) : covering === target ? (
          <Alert color="orange">{t("gap.same")}</Alert>
        ) : gap.isPending ? (
          <Stack gap="md">
            <Skeleton height={60} role="status" aria-label={t("loading")} />
            <TableSkeleton />
          </Stack>
        ) : gap.error ? (
          <ProblemAlert error={gap.error} onRetry={() => void gap.refetch()} />
        ) : (
          <Stack gap="md" aria-busy={gap.isFetching}>
            <PageSection
              title={t("gap.summaryTitle", { covering: titleOf(gap.data.covering), target: titleOf(gap.data.target) })}
            >
              <GapSummary summary={gap.data.summary} />
            </PageSection>
            <PageSection title={t("gap.itemsTitle", { target: titleOf(gap.data.target) })}>
              <Group justify="space-between" gap="sm" mb="sm" wrap="wrap">
                <SegmentedControl
                  aria-label={t("gap.filter")}
                  value={filter}
                  onChange={(v) => setFilter(v as Coverage | "all")}
                  data={[
                    { value: "all", label: t("gap.all") },
                    ...COVERAGES.map((c) => ({ value: c, label: t(`coverage.${c}`) })),
                  ]}
                  data-testid="gap-filter"
                />
                <Button
                  variant="default"
                  size="sm"
                  onClick={() =>
                    downloadCsv(
                      `concordia-gap-${gap.data.covering}-${gap.data.target}.csv`,
                      gapCsv({ ...gap.data, items }),
                    )
                  }
                  disabled={items.length === 0}
                  data-testid="gap-export-csv"
                >
                  {t("results.exportCsv", { n: f.number(items.length) })}
                </Button>
              </Group>
              <GapTable target={gap.data.target} items={items} />
            </PageSection>
          </Stack>
        )}
      </Stack>
    </Container>
  );
}
