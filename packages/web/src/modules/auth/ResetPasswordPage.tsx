import { Alert, Button, Group, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ButtonLink } from "../../app/links";
import { fieldErrors, ProblemAlert } from "../../app/problem";
import { usePageTitle } from "../../app/usePageTitle";
import { AuthCard } from "./AuthCard";
import { PasswordField, passwordTooShort } from "./PasswordField";

const route = getRouteApi("/reset-password");

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.reset.title"));
  const call = useApi();
  const { token } = route.useSearch();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const reset = useMutation({
    mutationFn: (value: string) => call("confirmPasswordReset", { body: { token: value, password } }),
  });
  const errors = { ...fieldErrors(reset.error), ...local };

  if (!token) {
    return (
      <AuthCard title={t("auth.reset.title")}>
        <Alert color="red" role="alert" title={t("auth.reset.missingToken")}>
          {t("auth.reset.missingTokenBody")}
        </Alert>
        <Group>
          <ButtonLink to="/forgot-password" variant="outline">
            {t("auth.forgot.title")}
          </ButtonLink>
        </Group>
      </AuthCard>
    );
  }
  if (reset.isSuccess) {
    return (
      <AuthCard title={t("auth.reset.title")}>
        <Alert color="green" role="status" title={t("auth.reset.done")}>
          {t("auth.reset.doneBody")}
        </Alert>
        <Group>
          <ButtonLink to="/sign-in" search={{ redirect: undefined }}>
            {t("nav.signIn")}
          </ButtonLink>
        </Group>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("auth.reset.title")}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const problems: Record<string, string> = {};
          if (passwordTooShort(password)) problems.password = t("validation.passwordTooShort", { min: 12 });
          else if (password !== repeat) problems.repeat = t("validation.passwordsDiffer");
          setLocal(problems);
          if (Object.keys(problems).length === 0) reset.mutate(token);
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={reset.error} fields={["password"]} />
          <PasswordField
            label={t("auth.reset.newPassword")}
            value={password}
            onChange={setPassword}
            error={errors.password}
            autoComplete="new-password"
          />
          <PasswordField
            label={t("auth.reset.repeatPassword")}
            value={repeat}
            onChange={setRepeat}
            error={errors.repeat}
            autoComplete="new-password"
          />
          <Button type="submit" loading={reset.isPending} fullWidth>
            {t("auth.reset.submit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
