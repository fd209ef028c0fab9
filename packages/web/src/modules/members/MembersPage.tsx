import { Container, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageSection } from "../../app/PageSection";
import { usePageTitle } from "../../app/usePageTitle";
import { MemberStatesList } from "./MemberStatesList";
import { OrganizationsDirectory } from "./OrganizationsDirectory";

export function MembersPage() {
  const { t } = useTranslation();
  usePageTitle(t("members.title"));
  return (
    <Container size="lg" py="md">
      <Stack gap="xl">
        <div>
          <Title order={1}>{t("members.title")}</Title>
          <Text c="dimmed" mt="xs">
            {t("members.intro")}
          </Text>
        </div>
        <PageSection title={t("members.states.title")}>
          <MemberStatesList />
        </PageSection>
        <PageSection title={t("members.organizations.title")}>
          <OrganizationsDirectory />
        </PageSection>
      </Stack>
    </Container>
  );
}
