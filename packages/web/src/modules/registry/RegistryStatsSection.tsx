import { SimpleGrid, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useJurisdictionName } from "../../app/components/useJurisdictionName";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { PageSection } from "../../app/PageSection";
import { ProblemAlert } from "../../app/problem";
import { useCategoryName } from "./badges";
import type { RegistryStats } from "./model";
import { StatsBars } from "./StatsBars";

interface RegistryStatsSectionProps {
  stats: { data: RegistryStats | undefined; isPending: boolean; error: unknown; refetch: () => unknown };
}

/** Published systems by category and by jurisdiction; each label filters the register by it. */
export function RegistryStatsSection({ stats }: RegistryStatsSectionProps) {
  const { t } = useTranslation("registry");
  const f = useFormat();
  const categoryName = useCategoryName();
  const jurisdictionName = useJurisdictionName();

  let body: React.ReactNode;
  if (stats.isPending) {
    body = <Skeleton height={200} role="status" aria-label={t("loading")} />;
  } else if (stats.error || !stats.data) {
    body = <ProblemAlert error={stats.error} onRetry={() => void stats.refetch()} />;
  } else {
    const data = stats.data;
    body = (
      <Stack gap="md">
        <Text size="sm" data-testid="stats-total">
          {t("stats.total", { n: f.number(data.total) })}
          {data.byKind.length > 0 &&
            ` ${t("stats.byKind", {
              list: data.byKind
                .map(
                  (k) =>
                    `${k.kind === "system" || k.kind === "gpai-model" ? t(`kind.${k.kind}`) : k.kind}: ${f.number(k.count)}`,
                )
                .join(" · "),
            })}`}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <StatsBars
            testId="stats-by-category"
            caption={t("stats.byCategory")}
            itemHeading={t("stats.category")}
            countHeading={t("stats.systems")}
            bars={data.byCategory.map((c) => ({ key: c.category, label: categoryName(c.category), count: c.count }))}
            renderLabel={(b) => (
              <AnchorLink to="/registry" search={{ category: b.key }} size="sm">
                {b.label}
              </AnchorLink>
            )}
          />
          <StatsBars
            testId="stats-by-jurisdiction"
            caption={t("stats.byJurisdiction")}
            itemHeading={t("stats.jurisdiction")}
            countHeading={t("stats.systems")}
            bars={data.byJurisdiction.map((j) => ({
              key: j.jurisdiction,
              label: jurisdictionName(j.jurisdiction),
              count: j.count,
            }))}
            renderLabel={(b) => (
              <AnchorLink to="/registry" search={{ jurisdiction: b.key }} size="sm">
                {b.label}
              </AnchorLink>
            )}
          />
        </SimpleGrid>
      </Stack>
    );
  }

  return <PageSection title={t("stats.title")}>{body}</PageSection>;
}
