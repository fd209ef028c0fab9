import { MEMBERSHIP_STATUSES, type MembershipStatus } from "@concordia/core";
import { Button, EmptyState, Group, NativeSelect, Stack, Table } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ConfirmButton } from "../../app/ConfirmButton";
import { useFormat } from "../../app/format";
import { PageSection } from "../../app/PageSection";
import { fieldErrors, ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { CountrySelect } from "../members/CountrySelect";
import { membersKeys, useMemberStates } from "../members/queries";
import { StatusBadge } from "../members/StatusBadge";

export function MemberStatesTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const call = useApi();
  const queryClient = useQueryClient();
  const { states, isPending, error, refetch } = useMemberStates();
  const [code, setCode] = useState("");
  const [status, setStatus] = useState<MembershipStatus>("member");
  const [local, setLocal] = useState<string | undefined>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: membersKeys.states });
  const admit = useMutation({
    mutationFn: (v: { code: string; status: MembershipStatus }) =>
      call("admitMemberState", { params: { code: v.code }, body: { status: v.status } }),
    onSuccess: (_, v) => {
      if (v.code === code) setCode("");
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (c: string) => call("removeMemberState", { params: { code: c } }),
    onSuccess: refresh,
  });
  const admitted = new Set(states.map((s) => s.code));
  const errors = fieldErrors(admit.error);

  return (
    <Stack gap="xl">
      <PageSection variant="card" size="h3" title={t("admin.states.admit")}>
        <form
          noValidate
          data-testid="admit-state-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!code) return setLocal(t("validation.required"));
            setLocal(undefined);
            admit.mutate({ code, status });
          }}
        >
          <Stack gap="sm">
            <ProblemAlert error={admit.error} fields={["code", "status"]} />
            <Group align="flex-start" gap="sm" grow>
              <CountrySelect
                label={t("members.states.country")}
                value={code}
                onChange={setCode}
                exclude={admitted}
                error={local ?? errors.code}
                required
              />
              <NativeSelect
                label={t("members.states.status")}
                value={status}
                onChange={(e) => setStatus(e.currentTarget.value as MembershipStatus)}
                data={MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`membershipStatus.${s}`) }))}
              />
            </Group>
            <Group>
              <Button type="submit" loading={admit.isPending && admit.variables?.code === code}>
                {t("admin.states.admitSubmit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </PageSection>
      <PageSection size="h3" title={t("members.states.title")}>
        <ProblemAlert error={remove.error} />
        {isPending ? (
          <TableSkeleton />
        ) : error ? (
          <ProblemAlert error={error} onRetry={() => void refetch()} />
        ) : states.length === 0 ? (
          <EmptyState title={t("members.states.emptyTitle")} />
        ) : (
          <div className="table-scroll">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("members.states.country")}</Table.Th>
                  <Table.Th scope="col">{t("members.states.status")}</Table.Th>
                  <Table.Th scope="col">{t("members.states.admitted")}</Table.Th>
                  <Table.Th scope="col">{t("admin.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {states.map((s) => {
                  const other: MembershipStatus = s.status === "member" ? "observer" : "member";
                  const name = f.countryName(s.names);
                  return (
                    <Table.Tr key={s.code} data-testid="state-row">
                      <Table.Td fw={500}>
                        {name} (<bdi>{s.code}</bdi>)
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={s.status} />
                      </Table.Td>
                      <Table.Td>{f.date(s.admittedAt)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="outline"
                            loading={admit.isPending && admit.variables?.code === s.code}
                            onClick={() => admit.mutate({ code: s.code, status: other })}
                          >
                            {t(`admin.states.make.${other}`)}
                          </Button>
                          <ConfirmButton
                            question={t("admin.states.removeQuestion", { name })}
                            confirmLabel={t("actions.remove")}
                            onConfirm={() => remove.mutate(s.code)}
                          >
                            {t("actions.remove")}
                          </ConfirmButton>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </PageSection>
    </Stack>
  );
}
