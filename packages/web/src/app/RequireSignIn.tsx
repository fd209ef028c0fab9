import type { UserView } from "@concordia/contracts";
import { Container, Skeleton, Stack } from "@mantine/core";
import { useNavigate, useRouter } from "@tanstack/react-router";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "./problem";
import { useSession } from "./session";

function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <Container size="lg" py="md">
      <Stack role="status" aria-busy="true" aria-label={t("status.loading")}>
        <Skeleton height={36} width="40%" />
        <Skeleton height={160} />
      </Stack>
    </Container>
  );
}

/** Renders its children for a signed-in person; sends others to sign in and back. */
export function RequireSignIn({ children }: { children: (user: UserView) => ReactNode }) {
  const { user, loading, error, refresh } = useSession();
  const router = useRouter();
  const navigate = useNavigate();
  const mustSignIn = !loading && !error && !user;

  useEffect(() => {
    // Navigate once, imperatively: a <Navigate> element re-renders with a new
    // `redirect` every time the URL changes, which loops.
    if (!mustSignIn) return;
    const here = router.state.location.href;
    void navigate({ to: "/sign-in", search: { redirect: here }, replace: true });
  }, [mustSignIn, navigate, router]);

  if (user) return <>{children(user)}</>;
  if (error) {
    return (
      <Container size="lg" py="md">
        <ProblemAlert error={error} onRetry={() => void refresh()} />
      </Container>
    );
  }
  return <PageSkeleton />;
}
