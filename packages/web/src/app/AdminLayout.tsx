import { Alert, Container, ScrollArea, Skeleton, Stack, Tabs, Text, Title } from "@mantine/core";
import { Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "../../app/links";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";

const SECTIONS = [
  "people",
  "organizations",
  "states",
  "invitations",
  "witnesses",
  "instruments",
  "registry",
  "audit",
  "outbox",
] as const;
type Section = (typeof SECTIONS)[number];

function isSection(value: string | null | undefined): value is Section {
  return (SECTIONS as readonly (string | null | undefined)[]).includes(value);
}

/** The secretariat's back office: one tab per section, each its own URL. */
export function AdminLayout() {
  const { t } = useTranslation();
  usePageTitle(t("admin.title"));
  const { user, loading, isSecretariat } = useSession();
  const navigate = useNavigate();
  const segment = useRouterState({ select: (s) => s.location.pathname.split("/")[2] });
  const active = isSection(segment) ? segment : "people";

  if (loading) {
    return (
      <Container size="xl" py="md">
        <Skeleton height={36} width="30%" role="status" aria-label={t("status.loading")} />
      </Container>
    );
  }
  if (!isSecretariat) {
    return (
      <Container size="sm" py="xl">
        <Alert color="red" role="alert" title={t("admin.notAuthorizedTitle")} data-testid="not-authorized">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t("admin.notAuthorizedBody")}</Text>
            {!user && (
              <ButtonLink to="/sign-in" search={{ redirect: "/admin" }} size="xs">
                {t("nav.signIn")}
              </ButtonLink>
            )}
          </Stack>
        </Alert>
      </Container>
    );
  }
  return (
    <Container size="xl" py="md">
      <Stack gap="md">
        <Title order={1}>{t("admin.title")}</Title>
        <Tabs
          value={active}
          onChange={(value) => {
            if (isSection(value)) void navigate({ to: `/admin/${value}` });
          }}
          keepMounted={false}
        >
          <ScrollArea type="auto" offsetScrollbars>
            <Tabs.List style={{ flexWrap: "nowrap" }}>
              {SECTIONS.map((s) => (
                <Tabs.Tab key={s} value={s}>
                  {t(`admin.tabs.${s}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </ScrollArea>
          {SECTIONS.map((s) => (
            <Tabs.Panel key={s} value={s} pt="md">
              {s === active && <Outlet />}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Container>
  );
}
