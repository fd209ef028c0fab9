import { Alert, Button, List, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { fieldErrors, ProblemAlert, problemOf } from "../../app/problem";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { AuthCard } from "./AuthCard";
import { PasswordField, passwordTooShort } from "./PasswordField";

const route = getRouteApi("/invite/$token");

/**
 * The server's refusal to grant a role to an existing account whose address was never confirmed
 * (it may have been created by someone else): a password-reset link went to the address.
 */
function isTakeoverRequired(error: unknown): boolean {
  const problem = problemOf(error);
  return problem?.status === 403 && problem.title === "Take over the account first";
}

/** Opened from an invitation email: shows the offer, then creates or joins the account. */
export function InvitePage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.invite.title"));
  const call = useApi();
  const f = useFormat();
  const navigate = useNavigate();
  const session = useSession();
  const { token } = route.useParams();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const preview = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => call("previewInvitation", { params: { token } }),
    retry: false,
    // Accepting signs the visitor in; the invitation is then used up, so do not ask again.
    meta: { sessionIndependent: true },
    staleTime: Number.POSITIVE_INFINITY,
  });
  const accept = useMutation({
    mutationFn: (withName: boolean) =>
      call("acceptInvitation", { body: { token, password, ...(withName ? { name: name.trim() } : {}) } }),
    onSuccess: (answer) => {
      session.adopt(answer);
      void navigate({ to: "/workspace" });
    },
  });
  const takeover = isTakeoverRequired(accept.error);
  const errors = takeover ? local : { ...fieldErrors(accept.error), ...local };

  if (preview.isPending) {
    return (
      <AuthCard title={t("auth.invite.title")}>
        <Stack role="status" aria-busy="true" aria-label={t("status.loading")}>
          <Skeleton height={20} />
          <Skeleton height={20} width="70%" />
        </Stack>
      </AuthCard>
    );
  }
  if (preview.isError) {
    return (
      <AuthCard title={t("auth.invite.title")}>
        <Text>{t("auth.invite.invalid")}</Text>
        <ProblemAlert error={preview.error} />
      </AuthCard>
    );
  }
  const offer = preview.data;
  const newAccount = !offer.accountExists;
  return (
    <AuthCard
      title={t("auth.invite.title")}
      intro={t("auth.invite.offer", { organization: offer.organizationName, role: t(`roles.${offer.role}`) })}
    >
      <Alert color="blue" title={offer.email}>
        {t("auth.invite.expires", { date: f.dateTime(offer.expiresAt) })}
      </Alert>
      <Text size="sm">{newAccount ? t("auth.invite.newAccount") : t("auth.invite.existingAccount")}</Text>
      <form
        noValidate
        data-testid="accept-invitation-form"
        onSubmit={(e) => {
          e.preventDefault();
          const problems: Record<string, string> = {};
          if (newAccount && !name.trim()) problems.name = t("validation.required");
          if (newAccount && passwordTooShort(password)) {
            problems.password = t("validation.passwordTooShort", { min: 12 });
          }
          if (!password) problems.password = t("validation.required");
          setLocal(problems);
          if (Object.keys(problems).length === 0) accept.mutate(newAccount);
        }}
      >
        <Stack gap="sm">
          {takeover ? (
            <Alert color="orange" role="status" title={t("auth.invite.takeoverTitle")} data-testid="invite-takeover">
              <Stack gap="xs">
                <Text size="sm">{t("auth.invite.takeoverBody", { email: `\u2068${offer.email}\u2069` })}</Text>
                <List type="ordered" size="sm" spacing={4}>
                  <List.Item>{t("auth.invite.takeoverStep1")}</List.Item>
                  <List.Item>{t("auth.invite.takeoverStep2")}</List.Item>
                  <List.Item>{t("auth.invite.takeoverStep3")}</List.Item>
                </List>
              </Stack>
            </Alert>
          ) : (
            <ProblemAlert error={accept.error} fields={["name", "password"]} />
          )}
          {newAccount && (
            <TextInput
              label={t("forms.name")}
              autoComplete="name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              maxLength={200}
            />
          )}
          <PasswordField
            label={newAccount ? t("forms.choosePassword") : t("forms.password")}
            value={password}
            onChange={setPassword}
            error={errors.password}
            autoComplete={newAccount ? "new-password" : "current-password"}
          />
          <Button type="submit" loading={accept.isPending} fullWidth>
            {t("auth.invite.accept")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
