import { EmptyState, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { membersKeys } from "./queries";

/** People of an organization and their roles (signed-in members only). */
export function OrganizationPeople({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const call = useApi();
  const { data, isPending, error, refetch } = useQuery({
    queryKey: membersKeys.organizationPeople(organizationId),
    queryFn: () => call("listOrganizationPeople", { params: { id: organizationId } }),
  });
  if (isPending) return <TableSkeleton rows={3} />;
  if (error) return <ProblemAlert error={error} onRetry={() => void refetch()} />;
  if (data.items.length === 0) {
    return <EmptyState title={t("organization.noPeopleTitle")} description={t("organization.noPeopleBody")} />;
  }
  return (
    <div className="table-scroll">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("people.name")}</Table.Th>
            <Table.Th scope="col">{t("people.role")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((p) => (
            <Table.Tr key={p.membershipId} data-testid="person-row">
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{t(`roles.${p.role}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
