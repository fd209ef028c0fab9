import { AppShell, Burger, Button, Group, Stack, Text } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { Suspense, useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { modules } from "../modules";
import { LanguageSelect } from "./LanguageSelect";
import { AnchorLink, ButtonLink } from "./links";
import type { NavContext, NavItem } from "./module";
import { PageLoading } from "./PageLoading";
import { useSession } from "./session";
import { useFitsInline } from "./useFitsInline";

const section = (pathname: string) => pathname.split("/")[1] ?? "";

/** Below this width the navigation moves into a menu opened by the burger button. */
const COMPACT_QUERY = "(max-width: 63.99em)";

/** The modules' navigation links, in their order. */
function navItems(): NavItem[] {
  return modules.flatMap((m): readonly NavItem[] => ("nav" in m ? m.nav : [])).sort((a, b) => a.order - b.order);
}

function NavLinks({ vertical }: { vertical: boolean }) {
  const { t } = useTranslation();
  const { user, isSecretariat } = useSession();
  const items = useMemo(navItems, []);
  const context: NavContext = { signedIn: user !== null, isSecretariat, inMenu: vertical };
  const links = items
    .filter((item) => item.when?.(context) ?? true)
    .map((item) => (
      // The paths are checked against the route tree in app/router.tsx.
      <AnchorLink key={item.to} to={item.to as "/"} className="nav-link" fw={600} data-testid={item.testId}>
        {t(item.labelKey)}
      </AnchorLink>
    ));
  return vertical ? (
    <Stack gap="md">{links}</Stack>
  ) : (
    <Group gap="sm" wrap="nowrap">
      {links}
    </Group>
  );
}

/** Sign-in, or the signed-in person and sign-out; `inline` in the header row, where nothing may wrap. */
function AccountActions({ inline }: { inline: boolean }) {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  if (!user) {
    return (
      <ButtonLink to="/sign-in" search={{ redirect: undefined }} size="sm">
        {t("nav.signIn")}
      </ButtonLink>
    );
  }
  return (
    <Group gap="sm" wrap={inline ? "nowrap" : "wrap"} data-testid="user-menu">
      {/* In the header a long name is cut short; the tooltip and screen readers get it whole. */}
      {inline ? (
        <AnchorLink to="/workspace" size="sm" fw={600} data-testid="nav-workspace">
          <Text span inherit display="block" maw={150} truncate title={t("nav.signedInAs", { name: user.name })}>
            {user.name}
          </Text>
        </AnchorLink>
      ) : (
        <Text size="sm" fw={600} title={t("nav.signedInAs", { name: user.name })}>
          {user.name}
        </Text>
      )}
      <Button
        size="sm"
        variant="outline"
        data-testid="sign-out"
        onClick={async () => {
          // Leave private pages first, so they do not refetch as a visitor.
          await navigate({ to: "/" });
          await signOut().catch(() => undefined);
        }}
      >
        {t("nav.signOut")}
      </Button>
    </Group>
  );
}

export function Shell() {
  const { t, i18n } = useTranslation();
  const { user, isSecretariat } = useSession();
  const headerRef = useRef<HTMLDivElement>(null);
  const narrow = useMediaQuery(COMPACT_QUERY, false, { getInitialValueInEffect: false });
  // The links of the header depend on the language and on who is signed in.
  const fits = useFitsInline(headerRef, `${i18n.resolvedLanguage}|${user?.name ?? ""}|${isSecretariat}`);
  const compact = narrow || !fits;
  const [menuOpen, menu] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const lastPathname = useRef(pathname);
  const closeMenu = menu.close;

  // After each navigation to another page: close the phone menu and move focus
  // to the new page so screen readers start reading there. Moving between tabs
  // of one page (/admin/people → /admin/audit) keeps focus on the tab.
  useEffect(() => {
    const previous = lastPathname.current;
    if (previous === pathname) return;
    lastPathname.current = pathname;
    closeMenu();
    if (section(previous) !== section(pathname) || section(pathname) !== "admin") {
      mainRef.current?.focus({ preventScroll: true });
    }
  }, [pathname, closeMenu]);

  return (
    <AppShell
      header={{ height: 64 }}
      // The navbar only holds the menu of a compact header (on a phone, or on a wider screen
      // whose header cannot hold every link): it always opens over the page, as on a phone.
      navbar={{ width: 280, breakpoint: 100_000, collapsed: { mobile: !menuOpen, desktop: true } }}
      padding={{ base: 0, sm: "md" }}
    >
      <a href="#main-content" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <AppShell.Header>
        <Group
          h="100%"
          px="md"
          justify="space-between"
          wrap="nowrap"
          gap="sm"
          ref={headerRef}
          style={{ whiteSpace: "nowrap" }}
        >
          <Group gap="lg" wrap="nowrap">
            <AnchorLink to="/" fw={800} size="lg" c="blue.9" underline="never">
              {t("app.name")}
            </AnchorLink>
            {!compact && (
              <nav aria-label={t("nav.main")}>
                <NavLinks vertical={false} />
              </nav>
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSelect />
            {!compact && <AccountActions inline />}
            {compact && (
              <Burger
                opened={menuOpen}
                onClick={menu.toggle}
                size="sm"
                aria-label={menuOpen ? t("nav.closeMenu") : t("nav.openMenu")}
                aria-expanded={menuOpen}
                aria-controls="site-menu"
              />
            )}
          </Group>
        </Group>
      </AppShell.Header>
      {compact && (
        <AppShell.Navbar p="md" id="site-menu">
          {menuOpen && (
            <Stack gap="xl">
              <nav aria-label={t("nav.main")}>
                <NavLinks vertical />
              </nav>
              <AccountActions inline={false} />
            </Stack>
          )}
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1}>
        {/* A page whose translations are still loading shows this, not raw keys. */}
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
