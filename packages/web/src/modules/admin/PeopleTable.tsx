import type { RouteResponse } from "@concordia/contracts";
import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ConfirmButton } from "../../app/ConfirmButton";
import { useFormat } from "../../app/format";
import { ProblemAlert } from "../../app/problem";
import { sessionQueryKey } from "../../app/session";
import { adminKeys } from "./adminKeys";
import { GrantRoleDialog, type PersonSummary } from "./GrantRoleDialog";

type Person = RouteResponse<"listPeople">["items"][number];

/** Everyone with an account, with the secretariat's actions on each. */
export function PeopleTable({ people }: { people: readonly Person[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const call = useApi();
  const queryClient = useQueryClient();
  const [granting, setGranting] = useState<PersonSummary | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: adminKeys.peopleAll });
    void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    void queryClient.invalidateQueries({ queryKey: ["members"] });
  };
  const setDisabled = useMutation({
    mutationFn: (v: { id: string; disabled: boolean }) =>
      call("updatePerson", { params: { id: v.id }, body: { disabled: v.disabled } }),
    onSuccess: refresh,
  });
  const revokeRole = useMutation({
    mutationFn: (membershipId: string) => call("revokeRole", { params: { id: membershipId } }),
    onSuccess: refresh,
  });

  return (
    <Stack gap="sm">
      <ProblemAlert error={setDisabled.error ?? revokeRole.error} />
      <div className="table-scroll">
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("people.name")}</Table.Th>
              <Table.Th scope="col">{t("forms.email")}</Table.Th>
              <Table.Th scope="col">{t("admin.people.state")}</Table.Th>
              <Table.Th scope="col">{t("admin.people.roles")}</Table.Th>
              <Table.Th scope="col">{t("admin.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((p) => (
              <Table.Tr key={p.id} data-testid="person-row">
                <Table.Td>
                  <Text fw={600}>{p.name}</Text>
                  <Text size="xs" c="dimmed">
                    {t("admin.people.since", { date: f.date(p.createdAt) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <bdi>{p.email}</bdi>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Group gap={4} wrap="nowrap">
                    <Badge variant="light" color={p.emailVerified ? "green" : "orange"}>
                      {p.emailVerified ? t("workspace.emailVerified") : t("workspace.emailNotVerified")}
                    </Badge>
                    {p.disabled && (
                      <Badge variant="light" color="red">
                        {t("admin.people.disabled")}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {p.roles.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t("admin.people.noRoles")}
                    </Text>
                  ) : (
                    <Stack gap={4}>
                      {p.roles.map((r) => (
                        <Group key={r.membershipId} gap="xs" wrap="nowrap" data-testid="role-grant">
                          <Text size="sm">
                            {t("admin.people.roleIn", { role: t(`roles.${r.role}`), organization: r.organizationName })}
                          </Text>
                          <ConfirmButton
                            size="compact-xs"
                            variant="subtle"
                            style={{ flexShrink: 0 }}
                            aria-label={t("admin.people.revokeRoleLabel", {
                              role: t(`roles.${r.role}`),
                              organization: r.organizationName,
                              name: p.name,
                            })}
                            question={t("admin.people.revokeRoleQuestion", {
                              role: t(`roles.${r.role}`),
                              organization: r.organizationName,
                              name: p.name,
                            })}
                            confirmLabel={t("actions.revoke")}
                            onConfirm={() => revokeRole.mutate(r.membershipId)}
                          >
                            {t("actions.revoke")}
                          </ConfirmButton>
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="outline" onClick={() => setGranting(p)}>
                      {t("admin.people.grantRole")}
                    </Button>
                    {p.disabled ? (
                      <Button
                        size="xs"
                        variant="outline"
                        color="green"
                        onClick={() => setDisabled.mutate({ id: p.id, disabled: false })}
                      >
                        {t("admin.people.enable")}
                      </Button>
                    ) : (
                      <ConfirmButton
                        question={t("admin.people.disableQuestion", { name: p.name })}
                        confirmLabel={t("admin.people.disable")}
                        onConfirm={() => setDisabled.mutate({ id: p.id, disabled: true })}
                      >
                        {t("admin.people.disable")}
                      </ConfirmButton>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <GrantRoleDialog person={granting} onClose={() => setGranting(null)} onGranted={refresh} />
    </Stack>
  );
}
