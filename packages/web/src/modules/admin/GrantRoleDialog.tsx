import { ROLES, type Role } from "@concordia/core";
import { Button, Group, Modal, NativeSelect, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { fieldErrors, ProblemAlert } from "../../app/problem";
import { OrganizationSelect } from "../members/OrganizationSelect";

export interface PersonSummary {
  id: string;
  name: string;
}

interface GrantRoleDialogProps {
  person: PersonSummary | null;
  onClose: () => void;
  onGranted: () => void;
}

/** Gives a person a role in an organization. */
export function GrantRoleDialog({ person, onClose, onGranted }: GrantRoleDialogProps) {
  const { t } = useTranslation();
  const call = useApi();
  const [organizationId, setOrganizationId] = useState("");
  const [role, setRole] = useState<Role>("member_delegate");
  const [local, setLocal] = useState<string | undefined>();
  const grant = useMutation({
    mutationFn: (userId: string) => call("grantRole", { body: { userId, organizationId, role } }),
    onSuccess: () => {
      onGranted();
      onClose();
    },
  });
  const { reset } = grant;
  useEffect(() => {
    if (person) {
      reset();
      setLocal(undefined);
    }
  }, [person, reset]);
  const errors = fieldErrors(grant.error);

  return (
    <Modal
      opened={person !== null}
      onClose={onClose}
      title={person ? t("admin.people.grantRoleTo", { name: person.name }) : ""}
      centered
    >
      <form
        noValidate
        data-testid="grant-role-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!organizationId) {
            setLocal(t("validation.required"));
            return;
          }
          if (person) grant.mutate(person.id);
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={grant.error} fields={["organizationId", "role"]} />
          <OrganizationSelect
            label={t("workspace.organization")}
            value={organizationId}
            onChange={(id) => {
              setOrganizationId(id);
              setLocal(undefined);
            }}
            error={local ?? errors.organizationId}
            required
          />
          <NativeSelect
            label={t("people.role")}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            error={errors.role}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={grant.isPending}>
              {t("admin.people.grantRole")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
