import { Container, EmptyState, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink, ButtonLink } from "../../../app/links";
import { PageSection } from "../../../app/PageSection";
import { ProblemAlert } from "../../../app/problem";
import { usePageTitle } from "../../../app/usePageTitle";
import { useCoverage } from "../obligationQueries";
import { DEFAULT_HOPS, HOP_CHOICES } from "../obligationTypes";
import { CoverageHeatmap } from "./CoverageHeatmap";
import { CrosswalkFiles } from "./CrosswalkFiles";
import { MaxHopsSelect } from "./MaxHopsSelect";
import { PairsTable } from "./PairsTable";

const route = getRouteApi("/crosswalks");

/** The crosswalk explorer: how far complying with one instrument goes towards another. */
export function CrosswalksPage() {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  usePageTitle(t("crosswalks.title"));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const maxHops = (HOP_CHOICES as readonly number[]).includes(search.maxHops ?? -1) ? search.maxHops! : DEFAULT_HOPS;
  const coverage = useCoverage(maxHops);
  const pairsHeading = useRef<HTMLHeadingElement>(null);
  const title = (id: string | undefined) => coverage.data?.instruments.find((i) => i.id === id)?.shortTitle ?? id ?? "";
  const picked = search.source && search.target ? { source: search.source, target: search.target } : null;

  // After a cell is chosen, take the reader to its pairs.
  const chosen = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the chosen cell changes
  useEffect(() => {
    if (chosen.current) pairsHeading.current?.focus();
    chosen.current = false;
  }, [search.source, search.target]);

  return (
    <Container size="xl" py="md">
      <Stack gap="xl">
        <Stack gap="xs" maw={820}>
          <Title order={1}>{t("crosswalks.title")}</Title>
          <Text>{t("crosswalks.intro")}</Text>
          <Group gap="md">
            <AnchorLink to="/obligations" search={{}} size="sm">
              {t("finder.title")}
            </AnchorLink>
            <AnchorLink to="/gap" search={{}} size="sm">
              {t("gap.title")}
            </AnchorLink>
          </Group>
        </Stack>

        <MaxHopsSelect
          value={maxHops}
          onChange={(h) =>
            void navigate({ search: (s) => ({ ...s, maxHops: h === DEFAULT_HOPS ? undefined : h }), replace: true })
          }
        />

        <PageSection title={t("crosswalks.coverageTitle")}>
          {coverage.isPending ? (
            <Skeleton height={260} role="status" aria-label={t("loading")} />
          ) : coverage.error ? (
            <ProblemAlert error={coverage.error} onRetry={() => void coverage.refetch()} />
          ) : coverage.data.cells.every((c) => c.full + c.partial === 0) ? (
            <EmptyState title={t("crosswalks.emptyTitle")} description={t("crosswalks.emptyBody")} />
          ) : (
            <CoverageHeatmap
              matrix={coverage.data}
              selected={search}
              onSelect={(source, target) => {
                chosen.current = true;
                void navigate({ search: (s) => ({ ...s, source, target }), resetScroll: false });
              }}
            />
          )}
        </PageSection>

        {picked && (
          <section aria-labelledby="pairs-heading" data-testid="pairs-section">
            <Title order={2} id="pairs-heading" ref={pairsHeading} tabIndex={-1} mb="xs">
              {t("pairs.title", { source: title(picked.source), target: title(picked.target) })}
            </Title>
            <Group gap="sm" mb="sm">
              <ButtonLink
                to="/gap"
                search={{ covering: picked.source, target: picked.target, maxHops: search.maxHops }}
                variant="outline"
                size="xs"
              >
                {t("pairs.toGap")}
              </ButtonLink>
              <ButtonLink to="/crosswalks" search={{ maxHops: search.maxHops }} variant="default" size="xs">
                {t("pairs.close")}
              </ButtonLink>
            </Group>
            <PairsTable source={picked.source} target={picked.target} maxHops={maxHops} />
          </section>
        )}

        <PageSection title={t("files.heading")}>
          <CrosswalkFiles />
        </PageSection>
      </Stack>
    </Container>
  );
}
