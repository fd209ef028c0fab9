import { Badge, Card, Container, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink, ButtonLink } from "../../app/links";
import type { HomeCard } from "../../app/module";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { modules } from "..";

/**
 * What each module lets people do today, in the order the modules give. Read when the page
 * renders, not when this file loads: the module list imports this page (through homeModule).
 */
function homeCards(): HomeCard[] {
  return modules
    .flatMap((m): readonly HomeCard[] => ("homeCards" in m ? m.homeCards : []))
    .sort((a, b) => a.order - b.order);
}

/** Functions of the organization's mandate that are not on the platform yet. */
const PLANNED = ["assessment", "standards", "deliberation", "incidents", "transfer", "dataflows"] as const;

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  usePageTitle(t("app.name"));
  const cards = useMemo(homeCards, []);
  return (
    <Container size="lg" py="md">
      <Stack gap="xl">
        <Stack gap="md" maw={760}>
          <Title order={1}>{t("home.title")}</Title>
          <Text size="lg">{t("home.lead")}</Text>
          <Group gap="sm">
            <ButtonLink to="/members" search={{}} size="md">
              {t("home.toDirectory")}
            </ButtonLink>
            {user ? (
              <ButtonLink to="/workspace" variant="outline" size="md">
                {t("home.toWorkspace")}
              </ButtonLink>
            ) : (
              <ButtonLink to="/sign-in" search={{ redirect: undefined }} variant="outline" size="md">
                {t("nav.signIn")}
              </ButtonLink>
            )}
          </Group>
        </Stack>

        <section aria-labelledby="today-heading">
          <Title order={2} id="today-heading" mb="md">
            {t("home.todayTitle")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {cards.map((card) => (
              <Card key={card.titleKey} withBorder padding="lg" component="article" data-testid="home-card">
                <Stack gap="xs" h="100%">
                  <Title order={3} size="h4">
                    {t(card.titleKey)}
                  </Title>
                  <Text size="sm" style={{ flexGrow: 1 }}>
                    {t(card.bodyKey)}
                  </Text>
                  <Group gap="md">
                    {card.links.map((link) => (
                      // The paths are checked against the route tree in app/router.tsx.
                      <AnchorLink key={link.to} to={link.to as "/"} fw={600} size="sm" data-testid={link.testId}>
                        {t(link.labelKey)}
                      </AnchorLink>
                    ))}
                  </Group>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </section>

        <section aria-labelledby="planned-heading">
          <Title order={2} id="planned-heading" mb="xs">
            {t("home.plannedTitle")}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t("home.plannedNote")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {PLANNED.map((key) => (
              <Card key={key} withBorder padding="lg" component="article" bg="gray.0" data-testid="home-planned">
                <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
                  <Title order={3} size="h4">
                    {t(`home.functions.${key}.title`)}
                  </Title>
                  <Badge variant="outline" color="gray" style={{ flexShrink: 0 }}>
                    {t("home.planned")}
                  </Badge>
                </Group>
                <Text size="sm">{t(`home.functions.${key}.body`)}</Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      </Stack>
    </Container>
  );
}
