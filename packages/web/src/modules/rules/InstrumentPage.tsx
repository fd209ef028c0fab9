import { Alert, Anchor, Container, List, Skeleton, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../app/links";
import { ProblemAlert, problemOf } from "../../app/problem";
import { usePageTitle } from "../../app/usePageTitle";
import { ApplicationTimeline } from "./ApplicationTimeline";
import { DiffView } from "./DiffView";
import { InstrumentHeader } from "./InstrumentHeader";
import { useInstrument } from "./queries";
import { RequirementTree } from "./RequirementTree";
import { VersionsSection } from "./VersionsSection";

const route = getRouteApi("/instruments/$id");

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} data-testid={`section-${id}`}>
      <Title order={2} size="h3" id={`${id}-heading`} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

/** One instrument: header, application timeline, sources, summary, requirement tree, versions and diff. */
export function InstrumentPage() {
  const { t } = useTranslation("rules");
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useInstrument(id, search.version);
  usePageTitle(query.data?.instrument.shortTitle ?? t("instrument.title"));

  const back = (
    <AnchorLink to="/instruments" search={{}} size="sm">
      {t("instrument.back")}
    </AnchorLink>
  );
  if (query.isPending) {
    return (
      <Container size="lg" py="md">
        <Stack aria-busy="true" role="status" aria-label={t("common.loading")}>
          <Skeleton height={36} width="60%" />
          <Skeleton height={160} />
          <Skeleton height={240} />
        </Stack>
      </Container>
    );
  }
  if (query.error) {
    const notFound = problemOf(query.error)?.status === 404;
    return (
      <Container size="lg" py="md">
        <Stack>
          {back}
          {notFound ? (
            <>
              <Title order={1}>{t("instrument.notFoundTitle")}</Title>
              <Text>{search.version ? t("instrument.versionNotFoundBody") : t("instrument.notFoundBody")}</Text>
            </>
          ) : (
            <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
          )}
        </Stack>
      </Container>
    );
  }

  const view = query.data;
  const inst = view.instrument;
  return (
    <Container size="lg" py="md">
      <Stack gap="xl">
        <div>
          {back}
          {!view.current && (
            <Alert color="yellow" mt="sm" title={t("instrument.oldVersionTitle", { version: inst.version })}>
              <AnchorLink to="/instruments/$id" params={{ id }} search={{}} size="sm">
                {t("instrument.toCurrent")}
              </AnchorLink>
            </Alert>
          )}
          <InstrumentHeader view={view} />
        </div>
        <Section id="summary" title={t("instrument.summary")}>
          <Text style={{ whiteSpace: "pre-wrap" }} dir="auto">
            {inst.summary}
          </Text>
        </Section>
        {inst.applicationDates.length > 0 && (
          <Section id="timeline" title={t("timeline.title")}>
            <ApplicationTimeline dates={inst.applicationDates} />
          </Section>
        )}
        <Section id="sources" title={t("instrument.sources")}>
          <List>
            {inst.sources.map((s) => (
              <List.Item key={s.url}>
                <Anchor href={s.url} target="_blank" rel="noopener noreferrer" data-testid="source-link">
                  {s.label}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Section>
        <Section id="requirements" title={t("tree.title")}>
          <RequirementTree instrumentId={inst.id} requirements={inst.requirements} categories={inst.categories} />
        </Section>
        <Section id="versions" title={t("versions.title")}>
          <VersionsSection
            id={id}
            from={search.from}
            to={search.to}
            onCompare={(from, to) =>
              void navigate({ search: { ...search, from, to }, resetScroll: false, hash: "diff" })
            }
          />
        </Section>
        {search.from && search.to && (
          <Section id="diff" title={t("diff.title", { from: search.from, to: search.to })}>
            <DiffView
              id={id}
              from={search.from}
              to={search.to}
              onClose={() =>
                void navigate({ search: { ...search, from: undefined, to: undefined }, resetScroll: false })
              }
            />
          </Section>
        )}
      </Stack>
    </Container>
  );
}
