import { Badge, Code, EmptyState, Stack, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { PagedResults } from "../../app/PagedResults";
import { AuditFilters } from "./AuditFilters";
import { adminKeys } from "./adminKeys";

const PAGE_SIZE = 50;
const route = getRouteApi("/admin/audit");

/** The internal audit trail of every mutating request. */
export function AuditTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const call = useApi();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { page: _page, ...filters } = search;
  const query = { ...filters, page: search.page ?? 1, pageSize: PAGE_SIZE };
  const events = useQuery({
    queryKey: adminKeys.audit(query),
    queryFn: () => call("listAuditEvents", { query }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <AuditFilters
        values={filters}
        onChange={(values) =>
          void navigate({
            search: {
              actorUserId: values.actorUserId,
              action: values.action,
              resourceType: values.resourceType,
              from: values.from,
              to: values.to,
              page: undefined,
            },
          })
        }
      />
      <PagedResults
        query={events}
        skeletonRows={8}
        empty={<EmptyState title={t("admin.audit.emptyTitle")} />}
        onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
      >
        {(data) => (
          <>
            <div className="table-scroll">
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("admin.audit.at")}</Table.Th>
                    <Table.Th scope="col">{t("admin.audit.actor")}</Table.Th>
                    <Table.Th scope="col">{t("admin.audit.action")}</Table.Th>
                    <Table.Th scope="col">{t("admin.audit.resource")}</Table.Th>
                    <Table.Th scope="col">{t("admin.audit.details")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((e) => (
                    <Table.Tr key={e.id} data-testid="audit-row">
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{f.dateTime(e.at)}</Table.Td>
                      <Table.Td>
                        {e.actorName ?? t("admin.audit.anonymous")}
                        {e.viaApiToken && (
                          <Badge ms="xs" size="xs" variant="light" color="gray">
                            {t("admin.audit.viaToken")}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Code dir="ltr">{e.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" dir="ltr">
                          {e.resourceType}
                          {e.resourceIds.length > 0 && `: ${e.resourceIds.join(", ")}`}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <details>
                          <summary>{t("admin.audit.showDetails")}</summary>
                          <pre className="preformatted" dir="ltr">
                            {JSON.stringify(
                              { ...e.details, requestId: e.requestId, ip: e.ip, actorUserId: e.actorUserId },
                              null,
                              2,
                            )}
                          </pre>
                        </details>
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
  );
}
