import { Alert, Group, Loader, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ButtonLink } from "../../app/links";
import { ProblemAlert } from "../../app/problem";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { AuthCard } from "./AuthCard";

const route = getRouteApi("/verify-email");

/** Opened from the emailed link: confirms the address as soon as the page loads. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.verify.title"));
  const call = useApi();
  const { token } = route.useSearch();
  const session = useSession();
  const verify = useMutation({
    mutationFn: (value: string) => call("verifyEmail", { body: { token: value } }),
    onSuccess: () => void session.refresh(),
  });
  // Tokens are single-use: post once, even when React runs effects twice in development.
  const sent = useRef(false);
  const { mutate } = verify;
  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      mutate(token);
    }
  }, [token, mutate]);

  return (
    <AuthCard title={t("auth.verify.title")}>
      {!token ? (
        <Alert color="red" role="alert" title={t("auth.verify.missingToken")}>
          {t("auth.verify.missingTokenBody")}
        </Alert>
      ) : verify.isError ? (
        <ProblemAlert error={verify.error} />
      ) : verify.isSuccess ? (
        <Alert color="green" role="status" title={t("auth.verify.done")}>
          {t("auth.verify.doneBody")}
        </Alert>
      ) : (
        <Group gap="sm" role="status">
          <Loader size="sm" />
          <Text>{t("auth.verify.working")}</Text>
        </Group>
      )}
      <Group>
        {session.user ? (
          <ButtonLink to="/workspace" variant="outline">
            {t("nav.workspace")}
          </ButtonLink>
        ) : (
          <ButtonLink to="/sign-in" search={{ redirect: undefined }} variant="outline">
            {t("nav.signIn")}
          </ButtonLink>
        )}
      </Group>
    </AuthCard>
  );
}
