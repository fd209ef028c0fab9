import type { OrganizationView } from "@concordia/contracts";
import { Table } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { useCountries } from "./queries";
import { StatusBadge } from "./StatusBadge";

interface OrganizationsTableProps {
  items: readonly OrganizationView[];
  /** Extra cell at the end of each row (admin actions). */
  actions?: (org: OrganizationView) => ReactNode;
}

export function OrganizationsTable({ items, actions }: OrganizationsTableProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { byCode } = useCountries();
  return (
    <div className="table-scroll">
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("members.organizations.name")}</Table.Th>
            <Table.Th scope="col">{t("members.organizations.type")}</Table.Th>
            <Table.Th scope="col">{t("members.organizations.country")}</Table.Th>
            <Table.Th scope="col">{t("members.organizations.status")}</Table.Th>
            <Table.Th scope="col">{t("members.organizations.people")}</Table.Th>
            {actions && <Table.Th scope="col">{t("admin.actions")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((org) => {
            const country = org.countryCode ? byCode.get(org.countryCode) : undefined;
            return (
              <Table.Tr key={org.id} data-testid="org-row">
                <Table.Td>
                  <AnchorLink to="/members/organizations/$id" params={{ id: org.id }} fw={600}>
                    {org.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{t(`stakeholderType.${org.type}`)}</Table.Td>
                <Table.Td>{country ? f.countryName(country.names) : (org.countryCode ?? "—")}</Table.Td>
                <Table.Td>
                  <StatusBadge status={org.status} />
                </Table.Td>
                <Table.Td>{f.number(org.peopleCount)}</Table.Td>
                {actions && <Table.Td>{actions(org)}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
