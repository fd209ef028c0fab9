import { Container, Group, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "../../app/links";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import type { RegistryFilters as Filters } from "./model";
import { useRegistryStats } from "./queries";
import { RegistryFilters } from "./RegistryFilters";
import { RegistryResults } from "./RegistryResults";
import { RegistryStatsSection } from "./RegistryStatsSection";

const route = getRouteApi("/registry");

/** The public register of AI systems and general-purpose models: search, filters, exports, statistics. */
export function RegistryPage() {
  const { t } = useTranslation("registry");
  usePageTitle(t("title"));
  const session = useSession();
  const signedIn = !!session.user;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const stats = useRegistryStats();
  // Status and "mine" mean something only to a signed-in person; a shared link keeps working without them.
  const filters: Filters = {
    q: search.q,
    jurisdiction: search.jurisdiction,
    category: search.category,
    sector: search.sector,
    provider: search.provider,
    kind: search.kind,
    status: signedIn ? search.status : undefined,
    mine: signedIn ? search.mine : undefined,
    sort: search.sort,
  };
  const canRegister = session.isSecretariat || session.hasRole("provider");

  return (
    <Container size="xl" py="md">
      <Stack gap="xl">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap="xs" maw={820}>
            <Title order={1}>{t("title")}</Title>
            <Text>{t("intro")}</Text>
          </Stack>
          {signedIn && (
            <ButtonLink to="/registry/new" data-testid="register-system">
              {t("register")}
            </ButtonLink>
          )}
        </Group>
        <RegistryFilters
          values={filters}
          stats={stats.data}
          signedIn={signedIn}
          onChange={(values) => void navigate({ search: { ...values, page: undefined }, resetScroll: false })}
        />
        <RegistryResults
          filters={filters}
          page={search.page ?? 1}
          canRegister={canRegister}
          ready={!session.loading || !(search.status || search.mine)}
          onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
        />
        <RegistryStatsSection stats={stats} />
      </Stack>
    </Container>
  );
}
