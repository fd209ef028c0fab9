import { BINDING_KINDS } from "@concordia/core";
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { downloadJson } from "../../app/download";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { ProblemAlert } from "../../app/problem";
import { BindingBadge, InstrumentStatusBadge, KindBadge, VerifyBadge } from "./badges";
import { useDay, useJurisdictionLabel, useLanguageName } from "./format";
import { DATE_KEYS, Fact } from "./InstrumentCard";
import { countVerify } from "./tree";
import type { InstrumentView } from "./types";

/** Titles, badges, facts, the reviewers' verify note and the download buttons of an instrument. */
export function InstrumentHeader({ view }: { view: InstrumentView }) {
  const { t } = useTranslation("rules");
  const f = useFormat();
  const day = useDay();
  const jurisdiction = useJurisdictionLabel();
  const languageName = useLanguageName();
  const call = useApi();
  const inst = view.instrument;
  const official = inst.titles.official;
  const verifyCount = countVerify(inst);
  const oscal = useMutation({
    mutationFn: () =>
      call("exportInstrumentOscal", { params: { id: inst.id }, query: view.current ? {} : { version: inst.version } }),
    onSuccess: (catalog) => downloadJson(`${inst.id}-${inst.version}.oscal.json`, catalog),
  });

  return (
    <Stack gap="md" mt="xs">
      <div>
        <Title order={1} data-testid="instrument-title" dir="auto">
          {inst.shortTitle}
        </Title>
        <Text size="lg" mt={4} dir="auto">
          {inst.titles.en}
        </Text>
        {official && official.text !== inst.titles.en && (
          <Text c="dimmed" mt={4}>
            <Text span size="sm">
              {t("instrument.officialTitle", { language: languageName(official.lang) })}{" "}
            </Text>
            <Text span lang={official.lang} dir="auto" data-testid="official-title">
              {official.text}
            </Text>
          </Text>
        )}
      </div>
      <Group gap="xs">
        <KindBadge kind={inst.kind} />
        <InstrumentStatusBadge status={inst.status} />
        <BindingBadge binding={BINDING_KINDS.has(inst.kind)} />
        {verifyCount > 0 && <VerifyBadge count={f.number(verifyCount)} />}
      </Group>
      <Card withBorder padding="md">
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="md" m={0}>
          <Fact label={t("facts.jurisdiction")}>{jurisdiction(inst.jurisdiction)}</Fact>
          <Fact label={t("facts.issuingBody")}>{inst.issuingBody}</Fact>
          <Fact label={t("facts.kind")}>{t(`kind.${inst.kind}`)}</Fact>
          <Fact label={t("facts.status")}>{t(`status.${inst.status}`)}</Fact>
          {DATE_KEYS.filter((k) => inst.dates[k]).map((k) => (
            <Fact key={k} label={t(`dates.${k}`)}>
              {day(inst.dates[k] ?? "")}
            </Fact>
          ))}
          <Fact label={t("facts.lastReviewed")}>{day(inst.lastReviewed)}</Fact>
          <Fact label={t("facts.version")}>
            <bdi data-testid="instrument-version">{inst.version}</bdi>
          </Fact>
          <Fact label={t("facts.publishedAt")}>{f.dateTime(view.publishedAt)}</Fact>
          {view.logIndex !== null && (
            <Fact label={t("facts.logRecord")}>
              <Group gap="sm" component="span">
                <AnchorLink to="/log/entries/$index" params={{ index: String(view.logIndex) }}>
                  {t("versions.logEntry", { index: f.number(view.logIndex) })}
                </AnchorLink>
                <AnchorLink to="/verify" search={{ index: view.logIndex }}>
                  {t("versions.verify")}
                </AnchorLink>
              </Group>
            </Fact>
          )}
        </SimpleGrid>
      </Card>
      {inst.verify && (
        <Alert color="orange" title={t("instrument.verifyTitle")} data-testid="instrument-verify-note">
          <Text size="sm" dir="auto">
            {inst.note || t("instrument.verifyNoNote")}
          </Text>
        </Alert>
      )}
      <Group gap="sm">
        <Button variant="outline" loading={oscal.isPending} onClick={() => oscal.mutate()} data-testid="download-oscal">
          {t("instrument.downloadOscal")}
        </Button>
        <Button
          variant="outline"
          onClick={() => downloadJson(`${inst.id}-${inst.version}.json`, inst)}
          data-testid="download-json"
        >
          {t("instrument.downloadJson")}
        </Button>
      </Group>
      <ProblemAlert error={oscal.error} />
    </Stack>
  );
}
