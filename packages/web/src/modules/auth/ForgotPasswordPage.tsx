import { Alert, Button, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { AnchorLink } from "../../app/links";
import { fieldErrors, ProblemAlert } from "../../app/problem";
import { usePageTitle } from "../../app/usePageTitle";
import { AuthCard } from "./AuthCard";
import { EmailField } from "./EmailField";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.forgot.title"));
  const call = useApi();
  const [email, setEmail] = useState("");
  const request = useMutation({
    mutationFn: () => call("requestPasswordReset", { body: { email: email.trim() } }),
  });
  const errors = fieldErrors(request.error);

  return (
    <AuthCard title={t("auth.forgot.title")} intro={t("auth.forgot.intro")}>
      {request.isSuccess ? (
        <Alert color="green" role="status" title={t("auth.forgot.sent")}>
          {t("auth.forgot.sentBody")}
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate();
          }}
        >
          <Stack gap="sm">
            <ProblemAlert error={request.error} fields={["email"]} />
            <EmailField value={email} onChange={setEmail} error={errors.email} />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t("auth.forgot.submit")}
            </Button>
          </Stack>
        </form>
      )}
      <AnchorLink to="/sign-in" search={{ redirect: undefined }} size="sm">
        {t("auth.backToSignIn")}
      </AnchorLink>
    </AuthCard>
  );
}
