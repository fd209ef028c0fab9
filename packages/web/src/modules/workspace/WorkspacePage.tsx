import { Container, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RequireSignIn } from "../../app/RequireSignIn";
import { usePageTitle } from "../../app/usePageTitle";
import { ApiTokensCard } from "./ApiTokensCard";
import { ProfileCard } from "./ProfileCard";
import { RolesCard } from "./RolesCard";

export function WorkspacePage() {
  const { t } = useTranslation();
  usePageTitle(t("workspace.title"));
  return (
    <RequireSignIn>
      {(user) => (
        <Container size="lg" py="md">
          <Stack gap="xl">
            <Title order={1}>{t("workspace.title")}</Title>
            <ProfileCard user={user} />
            <RolesCard user={user} />
            <ApiTokensCard user={user} />
          </Stack>
        </Container>
      )}
    </RequireSignIn>
  );
}
