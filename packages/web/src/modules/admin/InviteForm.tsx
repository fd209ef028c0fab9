import { ROLES, type Role } from "@concordia/core";
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { fieldErrors, ProblemAlert } from "../../app/problem";
import { OrganizationSelect } from "../members/OrganizationSelect";
import { adminKeys } from "./adminKeys";

/** Invites someone by email to join an organization with a role. */
export function InviteForm() {
  const { t } = useTranslation();
  const call = useApi();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [organizationId, setOrganizationId] = useState("");
  const [role, setRole] = useState<Role>("member_delegate");
  const [local, setLocal] = useState<Record<string, string>>({});
  const invite = useMutation({
    mutationFn: () => call("createInvitation", { body: { email: email.trim(), organizationId, role } }),
    onSuccess: () => {
      setEmail("");
      void queryClient.invalidateQueries({ queryKey: adminKeys.invitationsAll });
      void queryClient.invalidateQueries({ queryKey: ["admin", "outbox"] });
    },
  });
  const errors = { ...fieldErrors(invite.error), ...local };

  return (
    <form
      noValidate
      data-testid="invite-form"
      onSubmit={(e) => {
        e.preventDefault();
        const problems: Record<string, string> = {};
        if (!/^\S+@\S+\.\S+$/.test(email.trim())) problems.email = t("validation.email");
        if (!organizationId) problems.organizationId = t("validation.required");
        setLocal(problems);
        if (Object.keys(problems).length === 0) invite.mutate();
      }}
    >
      <Stack gap="sm">
        {invite.data && (
          <Alert color="green" role="status" title={t("admin.invitations.sent")}>
            {t("admin.invitations.sentBody", {
              email: invite.data.email,
              organization: invite.data.organizationName,
            })}
          </Alert>
        )}
        <ProblemAlert error={invite.error} fields={["email", "organizationId", "role"]} />
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <TextInput
            label={t("forms.email")}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            required
            dir="ltr"
          />
          <OrganizationSelect
            label={t("workspace.organization")}
            value={organizationId}
            onChange={setOrganizationId}
            error={errors.organizationId}
            required
          />
          <NativeSelect
            label={t("people.role")}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            error={errors.role}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={invite.isPending}>
            {t("admin.invitations.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
