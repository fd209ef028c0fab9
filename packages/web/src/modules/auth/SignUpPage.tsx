import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { AnchorLink } from "../../app/links";
import { fieldErrors, ProblemAlert } from "../../app/problem";
import { usePageTitle } from "../../app/usePageTitle";
import { AuthCard } from "./AuthCard";
import { EmailField } from "./EmailField";
import { PasswordField, passwordTooShort } from "./PasswordField";

export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.signUp.title"));
  const call = useApi();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  // Always 202 with no session, whether or not the address already has an account (no
  // enumeration): the person confirms the address from the email, then signs in.
  const signUp = useMutation({
    mutationFn: (body: { name: string; email: string; password: string }) => call("signUp", { body }),
  });
  const errors = { ...fieldErrors(signUp.error), ...local };

  if (signUp.isSuccess) {
    return (
      <AuthCard title={t("auth.signUp.title")}>
        <Alert color="green" role="status" title={t("auth.signUp.sent")} data-testid="sign-up-sent">
          <Stack gap="xs">
            <Text size="sm">{t("auth.signUp.sentBody", { email: `\u2068${signUp.variables.email}\u2069` })}</Text>
            <Text size="sm">{t("auth.signUp.sentNext")}</Text>
          </Stack>
        </Alert>
        <AnchorLink to="/sign-in" search={{ redirect: undefined }} data-testid="sign-up-sign-in">
          {t("auth.signUp.goSignIn")}
        </AnchorLink>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t("auth.signUp.title")} intro={t("auth.signUp.intro")}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const problems: Record<string, string> = {};
          if (!name.trim()) problems.name = t("validation.required");
          if (!/^\S+@\S+\.\S+$/.test(email.trim())) problems.email = t("validation.email");
          if (passwordTooShort(password)) problems.password = t("validation.passwordTooShort", { min: 12 });
          setLocal(problems);
          if (Object.keys(problems).length === 0) {
            signUp.mutate({ name: name.trim(), email: email.trim(), password });
          }
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={signUp.error} fields={["name", "email", "password"]} />
          <TextInput
            label={t("forms.name")}
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            maxLength={200}
          />
          <EmailField value={email} onChange={setEmail} error={errors.email} />
          <PasswordField
            label={t("forms.password")}
            value={password}
            onChange={setPassword}
            error={errors.password}
            autoComplete="new-password"
          />
          <Button type="submit" loading={signUp.isPending} fullWidth>
            {t("auth.signUp.submit")}
          </Button>
        </Stack>
      </form>
      <Text size="sm">
        {t("auth.signUp.haveAccount")}{" "}
        <AnchorLink to="/sign-in" search={{ redirect: undefined }} size="sm">
          {t("nav.signIn")}
        </AnchorLink>
      </Text>
    </AuthCard>
  );
}
