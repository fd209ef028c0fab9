import {
  Alert,
  Anchor,
  Breadcrumbs,
  Card,
  Container,
  List,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../app/links";
import { ProblemAlert, problemOf } from "../../app/problem";
import { usePageTitle } from "../../app/usePageTitle";
import { AddresseeBadges, CategoryBadge } from "./badges";
import { ConditionView } from "./ConditionView";
import { isCondition } from "./condition";
import { useDay, useJurisdictionLabel } from "./format";
import { Fact } from "./InstrumentCard";
import { MappingsTable } from "./MappingsTable";
import { useInstrument, useRequirement } from "./queries";

const route = getRouteApi("/instruments/$id/requirements/$requirementId");

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`section-${id}`}>
      <Title order={2} size="h3" id={`${id}-heading`} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

/** The date a requirement applies from, with the label of the instrument's application date it comes from. */
function useAppliesFrom(instrument: ReturnType<typeof useInstrument>, value: string | null) {
  const day = useDay();
  if (value === null) return null;
  const d = instrument.data?.instrument.applicationDates.find((a) => a.date === value || a.id === value);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? day(value) : d ? day(d.date) : value;
  return (
    <>
      {date}
      {d && (
        <Text component="span" display="block" size="sm" c="dimmed" fw={400}>
          {d.label}
        </Text>
      )}
    </>
  );
}

/** One requirement: citation, place in the tree, who it binds, when and on what condition, and its crosswalks. */
export function RequirementPage() {
  const { t } = useTranslation("rules");
  const { id, requirementId } = route.useParams();
  const query = useRequirement(id, requirementId);
  const day = useDay();
  const place = useJurisdictionLabel();
  const instrument = useInstrument(id);
  const appliesFrom = useAppliesFrom(instrument, query.data?.appliesFrom ?? null);
  const r = query.data?.requirement;
  usePageTitle(r ? `${r.ref} · ${query.data?.shortTitle}` : t("requirement.title"));

  if (query.isPending) {
    return (
      <Container size="lg" py="md">
        <Stack aria-busy="true" role="status" aria-label={t("common.loading")}>
          <Skeleton height={20} width="40%" />
          <Skeleton height={36} width="70%" />
          <Skeleton height={200} />
        </Stack>
      </Container>
    );
  }
  if (query.error || !r) {
    const notFound = problemOf(query.error)?.status === 404;
    return (
      <Container size="lg" py="md">
        <Stack>
          <AnchorLink to="/instruments/$id" params={{ id }} search={{}} size="sm">
            {t("requirement.backToInstrument")}
          </AnchorLink>
          {notFound ? (
            <>
              <Title order={1}>{t("requirement.notFoundTitle")}</Title>
              <Text>{t("requirement.notFoundBody")}</Text>
            </>
          ) : (
            <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
          )}
        </Stack>
      </Container>
    );
  }

  const v = query.data;
  const condition = isCondition(r.applicability) ? r.applicability : null;
  return (
    <Container size="lg" py="md">
      <Stack gap="xl">
        <div>
          <nav aria-label={t("requirement.breadcrumb")}>
            <Breadcrumbs separatorMargin={6} style={{ flexWrap: "wrap" }} data-testid="breadcrumb">
              <AnchorLink to="/instruments" search={{}} size="sm">
                {t("library.title")}
              </AnchorLink>
              <AnchorLink to="/instruments/$id" params={{ id }} search={{}} size="sm">
                {v.shortTitle}
              </AnchorLink>
              {v.ancestors.map((a) => (
                <AnchorLink
                  key={a.id}
                  to="/instruments/$id/requirements/$requirementId"
                  params={{ id, requirementId: a.id }}
                  size="sm"
                >
                  <bdi title={a.title}>{a.ref}</bdi>
                </AnchorLink>
              ))}
              <Text size="sm" aria-current="page">
                <bdi>{r.ref}</bdi>
              </Text>
            </Breadcrumbs>
          </nav>
          <Text c="dimmed" mt="sm" data-testid="requirement-ref">
            <cite style={{ fontStyle: "normal" }}>
              <bdi>{r.ref}</bdi> · {v.shortTitle}
            </cite>
          </Text>
          <Title order={1} data-testid="requirement-title" dir="auto">
            {r.title}
          </Title>
        </div>
        {r.verify && (
          <Alert color="orange" title={t("requirement.verifyTitle")} data-testid="requirement-verify-note">
            <Text size="sm" dir="auto">
              {r.note || t("instrument.verifyNoNote")}
            </Text>
          </Alert>
        )}
        <Card withBorder padding="md">
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
            <Fact label={t("requirement.addressees")}>
              {r.addressees.length > 0 ? <AddresseeBadges addressees={r.addressees} /> : t("requirement.noAddressees")}
            </Fact>
            {r.category && (
              <Fact label={t("requirement.category")}>
                <CategoryBadge
                  category={r.category}
                  label={instrument.data?.instrument.categories?.find((c) => c.id === r.category)?.label}
                />
              </Fact>
            )}
            <Fact label={t("requirement.appliesFrom")}>{appliesFrom ?? "—"}</Fact>
            <Fact label={t("facts.jurisdiction")}>{place(v.jurisdiction)}</Fact>
            <Fact label={t("facts.lastReviewed")}>{day(r.lastReviewed ?? v.lastReviewed)}</Fact>
            <Fact label={t("requirement.source")}>
              {r.sourceUrl ? (
                <Anchor href={r.sourceUrl} target="_blank" rel="noopener noreferrer" data-testid="requirement-source">
                  {t("requirement.sourceLink")}
                </Anchor>
              ) : (
                "—"
              )}
            </Fact>
          </SimpleGrid>
        </Card>
        <Section id="summary" title={t("requirement.summary")}>
          <Text style={{ whiteSpace: "pre-wrap" }} dir="auto">
            {r.summary}
          </Text>
        </Section>
        <Section id="applicability" title={t("requirement.applicability")}>
          {condition ? <ConditionView condition={condition} /> : <Text>{t("requirement.noCondition")}</Text>}
        </Section>
        {r.evidence.length > 0 && (
          <Section id="evidence" title={t("requirement.evidence")}>
            <List>
              {r.evidence.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: evidence items are plain text and may repeat
                <List.Item key={i} dir="auto">
                  {e}
                </List.Item>
              ))}
            </List>
          </Section>
        )}
        {v.children.length > 0 && (
          <Section id="children" title={t("requirement.children")}>
            <List>
              {v.children.map((c) => (
                <List.Item key={c.id}>
                  <AnchorLink
                    to="/instruments/$id/requirements/$requirementId"
                    params={{ id, requirementId: c.id }}
                    data-testid="child-link"
                  >
                    <bdi>{c.ref}</bdi> — {c.title}
                  </AnchorLink>
                </List.Item>
              ))}
            </List>
          </Section>
        )}
        <Section id="mappings" title={t("mappings.title")}>
          <MappingsTable mappings={v.mappings} />
        </Section>
      </Stack>
    </Container>
  );
}
