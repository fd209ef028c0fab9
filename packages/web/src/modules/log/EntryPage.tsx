import { Button, Card, Container, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { AnchorLink, ButtonLink } from "../../app/links";
import { ProblemAlert, problemOf } from "../../app/problem";
import { wholeNumber } from "../../app/search";
import { usePageTitle } from "../../app/usePageTitle";
import { CopyableValue, Fact } from "./bits";
import { downloadJson, receiptFileName } from "./download";
import { logKeys, publicMeta } from "./queries";

const route = getRouteApi("/log/entries/$index");

function pretty(record: string): string {
  try {
    return JSON.stringify(JSON.parse(record), null, 2);
  } catch {
    return record;
  }
}

/** One logged record, with its receipt to download and a link to verify it. */
export function EntryPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const call = useApi();
  const index = wholeNumber(route.useParams().index);
  const entry = useQuery({
    queryKey: logKeys.entry(index ?? -1),
    queryFn: () => call("getLogEntry", { params: { index: index ?? 0 } }),
    enabled: index !== undefined,
    meta: publicMeta,
    staleTime: Number.POSITIVE_INFINITY, // a logged record never changes
  });
  const receipt = useMutation({
    mutationFn: (i: number) => call("getReceipt", { params: { index: i } }),
    onSuccess: (r) => downloadJson(receiptFileName(r), r),
  });
  usePageTitle(index === undefined ? t("log.entry.notFoundTitle") : t("log.entry.title", { index: f.number(index) }));

  const back = (
    <AnchorLink to="/log" search={{}} size="sm">
      {t("log.entry.back")}
    </AnchorLink>
  );
  if (index !== undefined && entry.isPending) {
    return (
      <Container size="lg" py="md">
        <Stack aria-busy="true" role="status" aria-label={t("status.loading")}>
          <Skeleton height={36} width="50%" />
          <Skeleton height={200} />
        </Stack>
      </Container>
    );
  }
  if (index === undefined || entry.error || !entry.data) {
    const notFound = index === undefined || problemOf(entry.error)?.status === 404;
    return (
      <Container size="lg" py="md">
        <Stack>
          {back}
          {notFound ? (
            <>
              <Title order={1}>{t("log.entry.notFoundTitle")}</Title>
              <Text>{t("log.entry.notFoundBody")}</Text>
            </>
          ) : (
            <ProblemAlert error={entry.error} onRetry={() => void entry.refetch()} />
          )}
        </Stack>
      </Container>
    );
  }

  const e = entry.data;
  return (
    <Container size="lg" py="md">
      <Stack gap="xl">
        <div>
          {back}
          <Title order={1} mt="xs">
            {t("log.entry.title", { index: f.number(e.index) })}
          </Title>
        </div>
        <Card withBorder padding="lg">
          <Stack gap="md">
            <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="md" m={0}>
              <Fact label={t("log.entries.recordType")}>
                <bdi dir="ltr" data-testid="entry-type">
                  {e.recordType}
                </bdi>
              </Fact>
              <Fact label={t("log.entry.index")}>{f.number(e.index)}</Fact>
              <Fact label={t("log.entries.integratedAt")}>{f.dateTime(e.integratedAt)}</Fact>
            </SimpleGrid>
            <dl style={{ margin: 0 }}>
              <Text size="sm" c="dimmed" component="dt">
                {t("log.entries.leafHash")}
              </Text>
              <Text component="dd" m={0}>
                <CopyableValue value={e.leafHash} testId="entry-leaf-hash" />
              </Text>
            </dl>
            <Group gap="sm">
              <ButtonLink to="/verify" search={{ index: e.index }} data-testid="verify-entry">
                {t("log.entry.verify")}
              </ButtonLink>
              <Button
                variant="outline"
                loading={receipt.isPending}
                onClick={() => receipt.mutate(e.index)}
                data-testid="download-receipt"
              >
                {t("log.receipt.download")}
              </Button>
            </Group>
            <ProblemAlert error={receipt.error} />
          </Stack>
        </Card>
        <section aria-labelledby="record-heading">
          <Title order={2} size="h3" id="record-heading" mb="sm">
            {t("log.entry.content")}
          </Title>
          <pre className="preformatted log-record" dir="ltr" data-testid="entry-record">
            {pretty(e.record)}
          </pre>
        </section>
      </Stack>
    </Container>
  );
}
