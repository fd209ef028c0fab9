import { Container, Skeleton, Stack, Tabs, Text, Title, VisuallyHidden } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { ProblemAlert, problemOf } from "../../app/problem";
import { usePageTitle } from "../../app/usePageTitle";
import { ClassificationTab } from "./ClassificationTab";
import { ExportsTab } from "./ExportsTab";
import { AssessmentsPanel } from "./edit/AssessmentsPanel";
import { localizedTexts, translationLanguages } from "./model";
import { ObligationsTab } from "./ObligationsTab";
import { OverviewTab } from "./OverviewTab";
import { useSystem } from "./queries";
import { RisksTab } from "./RisksTab";
import { SystemHeader } from "./SystemHeader";
import { VersionsTab } from "./VersionsTab";

const route = getRouteApi("/registry/systems/$id");

export const SYSTEM_TABS = [
  "overview",
  "classification",
  "obligations",
  "risks",
  "assessments",
  "versions",
  "exports",
] as const;
type SystemTab = (typeof SYSTEM_TABS)[number];
const isTab = (v: unknown): v is SystemTab => (SYSTEM_TABS as readonly unknown[]).includes(v);

function Panel({ value, title, children }: { value: SystemTab; title: string; children: ReactNode }) {
  return (
    <Tabs.Panel value={value} pt="lg" data-testid={`panel-${value}`}>
      <VisuallyHidden>
        <Title order={2}>{title}</Title>
      </VisuallyHidden>
      {children}
    </Tabs.Panel>
  );
}

/** One registered system: what the provider declares, how the rules classify it, and what follows. */
export function SystemPage() {
  const { t } = useTranslation("registry");
  const { lang } = useFormat();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const system = useSystem(id);
  const [original, setOriginal] = useState(false);
  const texts = system.data ? localizedTexts(system.data.document, lang, original) : null;
  usePageTitle(texts?.name ?? t("system.title"));
  const tab: SystemTab = isTab(search.tab) ? search.tab : "overview";

  if (system.isPending) {
    return (
      <Container size="xl" py="md">
        <Stack aria-busy="true" role="status" aria-label={t("loading")}>
          <Skeleton height={36} width="60%" />
          <Skeleton height={80} />
          <Skeleton height={240} />
        </Stack>
      </Container>
    );
  }
  if (system.error || !texts) {
    const notFound = problemOf(system.error)?.status === 404;
    return (
      <Container size="xl" py="md">
        <Stack>
          <AnchorLink to="/registry" search={{}} size="sm">
            {t("system.back")}
          </AnchorLink>
          {notFound ? (
            <div data-testid="system-not-found">
              <Title order={1}>{t("system.notFoundTitle")}</Title>
              <Text>{t("system.notFoundBody")}</Text>
            </div>
          ) : (
            <ProblemAlert error={system.error} onRetry={() => void system.refetch()} />
          )}
        </Stack>
      </Container>
    );
  }

  const s = system.data;
  const label = (v: SystemTab) => t(`tabs.${v}`);
  return (
    <Container size="xl" py="md">
      <Stack gap="lg">
        <SystemHeader system={s} name={texts.name ?? ""} />
        <Tabs
          value={tab}
          keepMounted={false}
          onChange={(v) =>
            void navigate({ search: { tab: v && v !== "overview" ? v : undefined }, replace: true, resetScroll: false })
          }
        >
          <Tabs.List aria-label={t("tabs.label")} style={{ flexWrap: "wrap" }}>
            {SYSTEM_TABS.map((v) => (
              <Tabs.Tab key={v} value={v} data-testid={`tab-${v}`}>
                {label(v)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Panel value="overview" title={label("overview")}>
            <OverviewTab
              system={s}
              texts={texts}
              translations={translationLanguages(s.document)}
              original={original}
              onOriginal={setOriginal}
            />
          </Panel>
          <Panel value="classification" title={label("classification")}>
            <ClassificationTab systemId={s.id} classification={s.classification} />
          </Panel>
          <Panel value="obligations" title={label("obligations")}>
            <ObligationsTab systemId={s.id} profileHidden={s.hidden.includes("profile")} />
          </Panel>
          <Panel value="risks" title={label("risks")}>
            <RisksTab system={s} />
          </Panel>
          <Panel value="assessments" title={label("assessments")}>
            <AssessmentsPanel systemId={s.id} canEdit={s.canWriteRisks} />
          </Panel>
          <Panel value="versions" title={label("versions")}>
            <VersionsTab systemId={s.id} current={s.version} />
          </Panel>
          <Panel value="exports" title={label("exports")}>
            <ExportsTab system={s} />
          </Panel>
        </Tabs>
      </Stack>
    </Container>
  );
}
