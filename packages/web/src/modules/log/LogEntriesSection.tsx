import { Button, EmptyState, Group, Stack, Table, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { PagedResults } from "../../app/PagedResults";
import { ShortHash } from "./bits";
import { logKeys, publicMeta } from "./queries";

const PAGE_SIZE = 20;
const route = getRouteApi("/log");

/** The record-type filter, applied on submit. */
function TypeFilter({ value, onChange }: { value: string | undefined; onChange: (type: string | undefined) => void }) {
  const { t } = useTranslation();
  const [type, setType] = useState(value ?? "");
  useEffect(() => setType(value ?? ""), [value]);
  return (
    <search aria-label={t("log.entries.filters")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onChange(type.trim() || undefined);
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t("log.entries.type")}
            description={t("log.entries.typeHint")}
            value={type}
            onChange={(e) => setType(e.currentTarget.value)}
            maxLength={100}
            dir="ltr"
            style={{ flex: "0 1 20rem" }}
          />
          <Button type="submit">{t("actions.filter")}</Button>
          {value && (
            <Button
              variant="default"
              onClick={() => {
                setType("");
                onChange(undefined);
              }}
            >
              {t("actions.clearFilters")}
            </Button>
          )}
        </Group>
      </form>
    </search>
  );
}

/** The latest records, newest first, filterable by type; filter and page live in the URL. */
export function LogEntriesSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const call = useApi();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = { type: search.type, page: search.page ?? 1, pageSize: PAGE_SIZE };
  const entries = useQuery({
    queryKey: logKeys.entries(query),
    queryFn: () => call("listLogEntries", { query }),
    placeholderData: keepPreviousData,
    meta: publicMeta,
  });

  return (
    <Stack gap="md">
      <TypeFilter
        value={search.type}
        onChange={(type) => void navigate({ search: { ...search, type, page: undefined }, resetScroll: false })}
      />
      <PagedResults
        query={entries}
        empty={
          <EmptyState
            title={search.type ? t("log.entries.noMatchTitle") : t("log.entries.emptyTitle")}
            description={search.type ? t("log.entries.noMatchBody") : t("log.entries.emptyBody")}
          />
        }
        onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined }, resetScroll: false })}
      >
        {(data) => (
          <>
            <div className="table-scroll">
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("log.entries.index")}</Table.Th>
                    <Table.Th scope="col">{t("log.entries.recordType")}</Table.Th>
                    <Table.Th scope="col">{t("log.entries.integratedAt")}</Table.Th>
                    <Table.Th scope="col">{t("log.entries.leafHash")}</Table.Th>
                    <Table.Th scope="col">{t("admin.actions")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((e) => (
                    <Table.Tr key={e.index} data-testid="log-entry-row">
                      <Table.Td>
                        <AnchorLink to="/log/entries/$index" params={{ index: String(e.index) }} fw={600}>
                          {f.number(e.index)}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>
                        <bdi dir="ltr">{e.recordType}</bdi>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{f.dateTime(e.integratedAt)}</Table.Td>
                      <Table.Td>
                        <ShortHash value={e.leafHash} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <AnchorLink
                            to="/log/entries/$index"
                            params={{ index: String(e.index) }}
                            size="sm"
                            aria-label={t("log.entries.open", { index: f.number(e.index) })}
                          >
                            {t("log.entries.details")}
                          </AnchorLink>
                          <AnchorLink
                            to="/verify"
                            search={{ index: e.index }}
                            size="sm"
                            aria-label={t("log.entries.verifyLabel", { index: f.number(e.index) })}
                          >
                            {t("log.entries.verify")}
                          </AnchorLink>
                        </Group>
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
