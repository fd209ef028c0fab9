import { Badge, EmptyState, NativeSelect, Stack, Table } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ConfirmButton } from "../../app/ConfirmButton";
import { useFormat } from "../../app/format";
import { PagedResults } from "../../app/PagedResults";
import { PageSection } from "../../app/PageSection";
import { ProblemAlert } from "../../app/problem";
import { adminKeys } from "./adminKeys";
import { InviteForm } from "./InviteForm";

const PAGE_SIZE = 25;
const STATUSES = ["pending", "accepted", "revoked", "expired"] as const;
const STATUS_COLORS = { pending: "blue", accepted: "green", revoked: "gray", expired: "orange" } as const;
const route = getRouteApi("/admin/invitations");

export function InvitationsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const call = useApi();
  const queryClient = useQueryClient();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = { status: search.status, page: search.page ?? 1, pageSize: PAGE_SIZE };
  const invitations = useQuery({
    queryKey: adminKeys.invitations(query),
    queryFn: () => call("listInvitations", { query }),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call("revokeInvitation", { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.invitationsAll }),
  });

  return (
    <Stack gap="xl">
      <PageSection variant="card" size="h3" title={t("admin.invitations.create")}>
        <InviteForm />
      </PageSection>
      <PageSection size="h3" title={t("admin.invitations.list")}>
        <Stack gap="md">
          <NativeSelect
            label={t("admin.invitations.status")}
            maw={260}
            value={search.status ?? ""}
            onChange={(e) => {
              const value = e.currentTarget.value as (typeof STATUSES)[number] | "";
              void navigate({ search: { status: value || undefined, page: undefined } });
            }}
            data={[
              { value: "", label: t("forms.anyStatus") },
              ...STATUSES.map((s) => ({ value: s, label: t(`invitationStatus.${s}`) })),
            ]}
          />
          <ProblemAlert error={revoke.error} />
          <PagedResults
            query={invitations}
            empty={<EmptyState title={t("admin.invitations.emptyTitle")} />}
            onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
          >
            {(data) => (
              <>
                <div className="table-scroll">
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t("forms.email")}</Table.Th>
                        <Table.Th scope="col">{t("workspace.organization")}</Table.Th>
                        <Table.Th scope="col">{t("people.role")}</Table.Th>
                        <Table.Th scope="col">{t("admin.invitations.status")}</Table.Th>
                        <Table.Th scope="col">{t("admin.invitations.invitedBy")}</Table.Th>
                        <Table.Th scope="col">{t("admin.invitations.createdAt")}</Table.Th>
                        <Table.Th scope="col">{t("admin.invitations.expiresAt")}</Table.Th>
                        <Table.Th scope="col">{t("admin.actions")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((inv) => (
                        <Table.Tr key={inv.id} data-testid="invitation-row">
                          <Table.Td>
                            <bdi>{inv.email}</bdi>
                          </Table.Td>
                          <Table.Td>{inv.organizationName}</Table.Td>
                          <Table.Td>{t(`roles.${inv.role}`)}</Table.Td>
                          <Table.Td>
                            <Badge variant="light" color={STATUS_COLORS[inv.status]}>
                              {t(`invitationStatus.${inv.status}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>{inv.invitedBy ?? "—"}</Table.Td>
                          <Table.Td>{f.dateTime(inv.createdAt)}</Table.Td>
                          <Table.Td>{f.dateTime(inv.expiresAt)}</Table.Td>
                          <Table.Td>
                            {inv.status === "pending" && (
                              <ConfirmButton
                                question={t("admin.invitations.revokeQuestion", { email: inv.email })}
                                confirmLabel={t("actions.revoke")}
                                onConfirm={() => revoke.mutate(inv.id)}
                              >
                                {t("actions.revoke")}
                              </ConfirmButton>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </div>
              </>
            )}
          </PagedResults>
        </Stack>
      </PageSection>
    </Stack>
  );
}
