import type { UserView } from "@concordia/contracts";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../app/links";
import { PageSection } from "../../app/PageSection";

/** The roles the signed-in person holds, one row per organization and role. */
export function RolesCard({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <PageSection variant="card" size="h3" title={t("workspace.roles")}>
      {user.roles.length === 0 ? (
        <Text c="dimmed">{t("workspace.noRoles")}</Text>
      ) : (
        <div className="table-scroll">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("workspace.organization")}</Table.Th>
                <Table.Th scope="col">{t("people.role")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.roles.map((g) => (
                <Table.Tr key={g.membershipId} data-testid="role-row">
                  <Table.Td>
                    <AnchorLink to="/members/organizations/$id" params={{ id: g.organizationId }}>
                      {g.organizationName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{t(`roles.${g.role}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </PageSection>
  );
}
