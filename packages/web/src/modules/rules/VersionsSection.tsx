import { Badge, Button, EmptyState, Group, NativeSelect, Stack, Table } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { useInstrumentVersions } from "./queries";

interface VersionsSectionProps {
  id: string;
  from?: string;
  to?: string;
  onCompare: (from: string, to: string) => void;
}

/** Every published version, newest first, with its log record; and the choice of two to compare. */
export function VersionsSection({ id, from, to, onCompare }: VersionsSectionProps) {
  const { t } = useTranslation("rules");
  const f = useFormat();
  const versions = useInstrumentVersions(id);
  const items = versions.data?.items ?? [];
  const [pick, setPick] = useState({ from: from ?? "", to: to ?? "" });
  useEffect(() => {
    setPick({ from: from ?? items[1]?.version ?? "", to: to ?? items[0]?.version ?? "" });
  }, [from, to, items[0]?.version, items[1]?.version]);

  if (versions.isPending) return <TableSkeleton rows={2} />;
  if (versions.error) return <ProblemAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  if (items.length === 0) return <EmptyState title={t("versions.empty")} />;
  const options = items.map((v) => ({ value: v.version, label: v.version }));

  return (
    <Stack gap="md">
      <div className="table-scroll">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("versions.version")}</Table.Th>
              <Table.Th scope="col">{t("versions.publishedAt")}</Table.Th>
              <Table.Th scope="col">{t("versions.requirements")}</Table.Th>
              <Table.Th scope="col">{t("versions.log")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((v) => (
              <Table.Tr key={v.version} data-testid="version-row" data-version={v.version}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <AnchorLink
                      to="/instruments/$id"
                      params={{ id }}
                      search={v.current ? {} : { version: v.version }}
                      fw={600}
                    >
                      <bdi>{v.version}</bdi>
                    </AnchorLink>
                    {v.current && (
                      <Badge size="sm" variant="light" color="green">
                        {t("versions.current")}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{f.dateTime(v.publishedAt)}</Table.Td>
                <Table.Td>{f.number(v.requirementCount)}</Table.Td>
                <Table.Td>
                  {v.logIndex === null ? (
                    "—"
                  ) : (
                    <Group gap="sm" wrap="nowrap">
                      <AnchorLink
                        to="/log/entries/$index"
                        params={{ index: String(v.logIndex) }}
                        size="sm"
                        data-testid="version-log-link"
                      >
                        {t("versions.logEntry", { index: f.number(v.logIndex) })}
                      </AnchorLink>
                      <AnchorLink
                        to="/verify"
                        search={{ index: v.logIndex }}
                        size="sm"
                        aria-label={t("versions.verifyLabel", { version: v.version })}
                      >
                        {t("versions.verify")}
                      </AnchorLink>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {items.length > 1 && (
        <form
          aria-label={t("versions.compareTitle")}
          onSubmit={(e) => {
            e.preventDefault();
            if (pick.from && pick.to && pick.from !== pick.to) onCompare(pick.from, pick.to);
          }}
        >
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t("versions.from")}
              value={pick.from}
              onChange={(e) => setPick({ ...pick, from: e.currentTarget.value })}
              data={options}
              data-testid="compare-from"
            />
            <NativeSelect
              label={t("versions.to")}
              value={pick.to}
              onChange={(e) => setPick({ ...pick, to: e.currentTarget.value })}
              data={options}
              data-testid="compare-to"
            />
            <Button type="submit" disabled={!pick.from || pick.from === pick.to} data-testid="compare-button">
              {t("versions.compare")}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
