import { Container, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
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
        <section aria-labelledby="member-states-heading">
          <Title order={2} id="member-states-heading" mb="sm">
            {t("members.states.title")}
          </Title>
          <MemberStatesList />
        </section>
        <section aria-labelledby="organizations-heading">
          <Title order={2} id="organizations-heading" mb="sm">
            {t("members.organizations.title")}
          </Title>
          <OrganizationsDirectory />
        </section>
      </Stack>
    </Container>
  );
}
