import { Alert, Card, Container, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "../../app/links";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";

/** The organization's functions, in the order of its mandate. */
const FUNCTIONS = [
  "rules",
  "assessment",
  "standards",
  "deliberation",
  "incidents",
  "transfer",
  "dataflows",
  "transparency",
] as const;

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  usePageTitle(t("app.name"));
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

        <section aria-labelledby="functions-heading">
          <Title order={2} id="functions-heading" mb="md">
            {t("home.functionsTitle")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            {FUNCTIONS.map((key) => (
              <Card key={key} withBorder padding="lg" component="article">
                <Title order={3} size="h4" mb="xs">
                  {t(`home.functions.${key}.title`)}
                </Title>
                <Text size="sm">{t(`home.functions.${key}.body`)}</Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>

        <Alert color="blue" title={t("home.platformTitle")}>
          {t("home.platformBody")}
        </Alert>
      </Stack>
    </Container>
  );
}
