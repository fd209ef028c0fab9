import { Container, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "../../app/links";
import { usePageTitle } from "../../app/usePageTitle";
import { InstrumentFilters, type InstrumentFilterValues } from "./InstrumentFilters";
import { InstrumentResults } from "./InstrumentResults";
import { RequirementResults } from "./RequirementResults";

const route = getRouteApi("/instruments");
type Mode = "instruments" | "requirements";

/** The library of AI instruments: filters and search in the URL, instruments or matching requirements. */
export function InstrumentsPage() {
  const { t } = useTranslation("rules");
  usePageTitle(t("library.title"));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [mode, setMode] = useState<Mode>("instruments");

  const apply = (values: InstrumentFilterValues) =>
    void navigate({ search: { ...values, page: undefined }, resetScroll: false });

  return (
    <Container size="lg" py="md">
      <Stack gap="lg">
        <div>
          <Title order={1}>{t("library.title")}</Title>
          <Text c="dimmed" mt="xs">
            {t("library.intro")}
          </Text>
          <Group gap="sm" mt="sm">
            <ButtonLink to="/obligations" size="xs" variant="light" data-testid="link-finder">
              {t("library.linkFinder")}
            </ButtonLink>
            <ButtonLink to="/crosswalks" size="xs" variant="light" data-testid="link-crosswalks">
              {t("library.linkCrosswalks")}
            </ButtonLink>
            <ButtonLink to="/gap" size="xs" variant="light" data-testid="link-gap">
              {t("library.linkGap")}
            </ButtonLink>
          </Group>
        </div>
        <Tabs
          keepMounted={false}
          value={mode}
          onChange={(v) => setMode(v === "requirements" ? "requirements" : "instruments")}
        >
          <Tabs.List aria-label={t("library.mode")}>
            <Tabs.Tab value="instruments" data-testid="mode-instruments">
              {t("library.modeInstruments")}
            </Tabs.Tab>
            <Tabs.Tab value="requirements" data-testid="mode-requirements">
              {t("library.modeRequirements")}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="instruments" pt="md">
            <Stack gap="md">
              <InstrumentFilters mode="instruments" values={search} onChange={apply} />
              <InstrumentResults
                search={search}
                onPage={(p) =>
                  void navigate({ search: { ...search, page: p > 1 ? p : undefined }, resetScroll: false })
                }
              />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="requirements" pt="md">
            <Stack gap="md">
              <InstrumentFilters
                mode="requirements"
                values={{ q: search.q, jurisdiction: search.jurisdiction }}
                onChange={(v) => apply({ ...search, q: v.q, jurisdiction: v.jurisdiction })}
              />
              <RequirementResults
                key={`${search.q ?? ""}|${search.jurisdiction ?? ""}`}
                q={search.q}
                jurisdiction={search.jurisdiction}
              />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Container>
  );
}
