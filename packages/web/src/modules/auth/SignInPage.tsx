import { Button, Group, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { AnchorLink, ButtonLink } from "../../app/links";
import { fieldErrors, ProblemAlert } from "../../app/problem";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { AuthCard } from "./AuthCard";
import { EmailField } from "./EmailField";
import { PasswordField } from "./PasswordField";

const route = getRouteApi("/sign-in");

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.signIn.title"));
  const call = useApi();
  const router = useRouter();
  const { redirect } = route.useSearch();
  const session = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation({
    mutationFn: () => call("signIn", { body: { email: email.trim(), password } }),
    onSuccess: (answer) => {
      session.adopt(answer);
      router.history.push(redirect ?? "/workspace");
    },
  });
  const errors = fieldErrors(signIn.error);

  if (session.user && !signIn.isPending && !signIn.isSuccess) {
    return (
      <AuthCard title={t("auth.signIn.title")}>
        <Text>{t("auth.signIn.already", { name: session.user.name })}</Text>
        <Group>
          <ButtonLink to="/workspace">{t("nav.workspace")}</ButtonLink>
        </Group>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t("auth.signIn.title")}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          signIn.mutate();
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={signIn.error} fields={["email", "password"]} />
          <EmailField value={email} onChange={setEmail} error={errors.email} />
          <PasswordField
            label={t("forms.password")}
            value={password}
            onChange={setPassword}
            error={errors.password}
            autoComplete="current-password"
          />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t("auth.signIn.submit")}
          </Button>
        </Stack>
      </form>
      <Stack gap={4}>
        <AnchorLink to="/forgot-password" size="sm">
          {t("auth.signIn.forgot")}
        </AnchorLink>
        <Text size="sm">
          {t("auth.signIn.noAccount")}{" "}
          <AnchorLink to="/sign-up" size="sm">
            {t("auth.signUp.title")}
          </AnchorLink>
        </Text>
      </Stack>
    </AuthCard>
  );
}
