import { EmptyState, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { useMemberStates } from "./queries";
import { StatusBadge } from "./StatusBadge";

/** The public list of member and observer states. */
export function MemberStatesList() {
  const { t } = useTranslation();
  const f = useFormat();
  const { states, isPending, error, refetch } = useMemberStates();

  if (isPending) return <TableSkeleton rows={4} />;
  if (error) return <ProblemAlert error={error} onRetry={() => void refetch()} />;
  if (states.length === 0) {
    return <EmptyState title={t("members.states.emptyTitle")} description={t("members.states.emptyBody")} />;
  }
  const members = states.filter((s) => s.status === "member").length;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t("members.states.summary", {
          members: f.number(members),
          observers: f.number(states.length - members),
        })}
      </Text>
      <div className="table-scroll">
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("members.states.country")}</Table.Th>
              <Table.Th scope="col">{t("members.states.code")}</Table.Th>
              <Table.Th scope="col">{t("members.states.status")}</Table.Th>
              <Table.Th scope="col">{t("members.states.admitted")}</Table.Th>
              <Table.Th scope="col">{t("members.states.decision")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {states.map((s) => (
              <Table.Tr key={s.code} data-testid="state-row">
                <Table.Td fw={500}>{f.countryName(s.names)}</Table.Td>
                <Table.Td>
                  <bdi>{s.code}</bdi>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={s.status} />
                </Table.Td>
                <Table.Td>{f.date(s.admittedAt)}</Table.Td>
                <Table.Td>
                  {s.logIndex === null ? (
                    "—"
                  ) : (
                    <AnchorLink to="/verify" search={{ index: s.logIndex }} size="sm" data-testid="state-verify">
                      {t("members.states.verifyDecision", { index: s.logIndex })}
                    </AnchorLink>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}
