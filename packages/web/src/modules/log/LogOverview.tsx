import type { RouteResponse } from "@concordia/contracts";
import { Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { CopyableValue, Fact } from "./bits";

/** Who the log is (origin, key) and where it stands (size, latest signed checkpoint). */
export function LogOverview({ info }: { info: RouteResponse<"logInfo"> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card withBorder padding="lg" data-testid="log-info">
      <Stack gap="md">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} spacing="md" m={0}>
          <Fact label={t("log.overview.origin")}>
            <bdi dir="ltr" data-testid="log-origin">
              {info.origin}
            </bdi>
          </Fact>
          <Fact label={t("log.overview.size")}>
            <span data-testid="log-size">{f.number(info.size)}</span>
          </Fact>
          <Fact label={t("log.overview.pending")}>{f.number(info.pending)}</Fact>
          <Fact label={t("log.overview.checkpointAt")}>
            {info.checkpointAt ? f.dateTime(info.checkpointAt) : t("log.overview.noCheckpoint")}
          </Fact>
        </SimpleGrid>
        <dl style={{ margin: 0 }}>
          <Text size="sm" c="dimmed" component="dt">
            {t("log.overview.verifierKey")}
          </Text>
          <Text component="dd" m={0}>
            <CopyableValue value={info.verifierKey} testId="log-verifier-key" />
          </Text>
          <Text size="xs" c="dimmed" component="dd" m={0} mt={4}>
            {t("log.overview.verifierKeyHint")}
          </Text>
        </dl>
        <div>
          <Title order={2} size="h6" c="dimmed" fw={500} mb={4}>
            {t("log.overview.checkpoint")}
          </Title>
          {info.checkpoint ? (
            <pre className="preformatted log-note" dir="ltr" data-testid="latest-checkpoint">
              {info.checkpoint}
            </pre>
          ) : (
            <Text>{t("log.overview.noCheckpoint")}</Text>
          )}
        </div>
      </Stack>
    </Card>
  );
}
