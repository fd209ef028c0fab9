import { Container, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "./links";
import { usePageTitle } from "./usePageTitle";

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return (
    <Container size="sm" py="xl">
      <Stack align="flex-start">
        <Title order={1}>{t("notFound.title")}</Title>
        <Text>{t("notFound.body")}</Text>
        <ButtonLink to="/">{t("notFound.home")}</ButtonLink>
      </Stack>
    </Container>
  );
}
