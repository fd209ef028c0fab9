import type { UserView } from "@concordia/contracts";
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { ProblemAlert } from "../../app/problem";

export function ProfileCard({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const call = useApi();
  const resend = useMutation({ mutationFn: () => call("resendVerification") });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-heading">
      <Stack gap="md">
        <Title order={2} id="profile-heading" size="h3">
          {t("workspace.profile")}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} m={0}>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t("forms.name")}
            </Text>
            <Text component="dd" m={0} fw={500} data-testid="profile-name">
              {user.name}
            </Text>
          </div>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t("forms.email")}
            </Text>
            <Text component="dd" m={0} fw={500}>
              <bdi>{user.email}</bdi>
            </Text>
          </div>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t("workspace.memberSince")}
            </Text>
            <Text component="dd" m={0} fw={500}>
              {f.date(user.createdAt)}
            </Text>
          </div>
        </SimpleGrid>
        <Group gap="sm" data-testid="email-verification">
          {user.emailVerified ? (
            <Badge color="green" variant="light">
              {t("workspace.emailVerified")}
            </Badge>
          ) : (
            <>
              <Badge color="orange" variant="light">
                {t("workspace.emailNotVerified")}
              </Badge>
              <Button size="xs" variant="outline" loading={resend.isPending} onClick={() => resend.mutate()}>
                {t("workspace.resendVerification")}
              </Button>
            </>
          )}
        </Group>
        {resend.isSuccess && (
          <Alert color="green" role="status">
            {t("workspace.verificationSent", { email: user.email })}
          </Alert>
        )}
        <ProblemAlert error={resend.error} />
      </Stack>
    </Card>
  );
}
