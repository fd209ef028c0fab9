import { Container, EmptyState, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ButtonLink } from "../../app/links";
import { PageSection } from "../../app/PageSection";
import { ProblemAlert } from "../../app/problem";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { CheckpointsSection } from "./CheckpointsSection";
import { GrowthChart } from "./GrowthChart";
import { LogEntriesSection } from "./LogEntriesSection";
import { LogOverview } from "./LogOverview";
import { logKeys, publicMeta, useLogInfo } from "./queries";
import { WitnessesSection } from "./WitnessesSection";

/** The chart shows the most recent checkpoints, at most one API page of them. */
const CHART_CHECKPOINTS = 200;

function Growth() {
  const { t } = useTranslation();
  const call = useApi();
  const query = { page: 1, pageSize: CHART_CHECKPOINTS };
  const checkpoints = useQuery({
    queryKey: logKeys.checkpoints(query),
    queryFn: () => call("listCheckpoints", { query }),
    meta: publicMeta,
  });
  if (checkpoints.isPending) return <Skeleton height={220} role="status" aria-label={t("status.loading")} />;
  if (checkpoints.error) return <ProblemAlert error={checkpoints.error} onRetry={() => void checkpoints.refetch()} />;
  return <GrowthChart points={checkpoints.data.items} />;
}

/** The public explorer of the transparency log. */
export function LogPage() {
  const { t } = useTranslation();
  usePageTitle(t("log.title"));
  const { user } = useSession();
  const info = useLogInfo();

  return (
    <Container size="xl" py="md">
      <Stack gap="xl">
        <Stack gap="sm" maw={820}>
          <Title order={1}>{t("log.title")}</Title>
          <Text>{t("log.intro")}</Text>
          <Group gap="sm">
            <ButtonLink to="/verify" search={{}}>
              {t("log.toVerify")}
            </ButtonLink>
            {user && (
              <ButtonLink to="/log/notarize" variant="outline">
                {t("log.notarize.title")}
              </ButtonLink>
            )}
          </Group>
        </Stack>

        {info.isPending ? (
          <Skeleton height={220} role="status" aria-label={t("status.loading")} />
        ) : info.error ? (
          <ProblemAlert error={info.error} onRetry={() => void info.refetch()} />
        ) : (
          <>
            <LogOverview info={info.data} />
            {info.data.size === 0 && <EmptyState title={t("log.emptyTitle")} description={t("log.emptyBody")} />}
          </>
        )}

        <PageSection title={t("log.growth.title")}>
          <Growth />
        </PageSection>

        <PageSection title={t("log.entries.title")}>
          <LogEntriesSection />
        </PageSection>

        <section aria-labelledby="witnesses-heading">
          <Title order={2} id="witnesses-heading" mb="xs">
            {t("log.witnesses.title")}
          </Title>
          <Text size="sm" c="dimmed" mb="sm" maw={820}>
            {t("log.witnesses.intro")}
          </Text>
          <WitnessesSection />
        </section>

        <PageSection title={t("log.checkpoints.title")}>
          <CheckpointsSection />
        </PageSection>
      </Stack>
    </Container>
  );
}
