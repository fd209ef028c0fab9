import { Alert, Container, ScrollArea, Skeleton, Stack, Tabs, Text, Title } from "@mantine/core";
import { Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { modules } from "../modules";
import { ButtonLink } from "./links";
import type { AdminTab } from "./module";
import { PageLoading } from "./PageLoading";
import { useSession } from "./session";
import { usePageTitle } from "./usePageTitle";

/** Every module's tabs of the back office, in their order. */
function adminTabs(): AdminTab[] {
  return modules
    .flatMap((m): readonly AdminTab[] => ("adminTabs" in m ? m.adminTabs : []))
    .sort((a, b) => a.order - b.order);
}

/** The secretariat's back office: one tab per section, each its own URL. */
export function AdminLayout() {
  const { t } = useTranslation();
  usePageTitle(t("admin.title"));
  const { user, loading, can } = useSession();
  const navigate = useNavigate();
  const segment = useRouterState({ select: (s) => s.location.pathname.split("/")[2] });
  const tabs = useMemo(adminTabs, []);
  const isTab = (value: string | null | undefined) => tabs.some((tab) => tab.path === value);
  const active = isTab(segment) ? segment : tabs[0]?.path;

  if (loading) {
    return (
      <Container size="xl" py="md">
        <Skeleton height={36} width="30%" role="status" aria-label={t("status.loading")} />
      </Container>
    );
  }
  if (!can.admin) {
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
            if (isTab(value)) void navigate({ to: `/admin/${value}` as "/admin" });
          }}
          keepMounted={false}
        >
          <ScrollArea type="auto" offsetScrollbars>
            <Tabs.List style={{ flexWrap: "nowrap" }}>
              {tabs.map((tab) => (
                <Tabs.Tab key={tab.path} value={tab.path}>
                  {t(tab.labelKey)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </ScrollArea>
          {tabs.map((tab) => (
            <Tabs.Panel key={tab.path} value={tab.path} pt="md">
              {tab.path === active && (
                <Suspense fallback={<PageLoading />}>
                  <Outlet />
                </Suspense>
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Container>
  );
}
