import { Button, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { AnchorLink } from "../../app/links";
import { fieldErrors, ProblemAlert } from "../../app/problem";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { AuthCard } from "./AuthCard";
import { EmailField } from "./EmailField";
import { PasswordField, passwordTooShort } from "./PasswordField";

export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.signUp.title"));
  const call = useApi();
  const navigate = useNavigate();
  const session = useSession();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const signUp = useMutation({
    mutationFn: () => call("signUp", { body: { name: name.trim(), email: email.trim(), password } }),
    onSuccess: (answer) => {
      session.adopt(answer);
      void navigate({ to: "/workspace" });
    },
  });
  const errors = { ...fieldErrors(signUp.error), ...local };

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
          if (Object.keys(problems).length === 0) signUp.mutate();
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
