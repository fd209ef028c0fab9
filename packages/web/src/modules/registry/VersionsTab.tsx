import { EmptyState, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { SystemStatusBadge } from "./badges";
import { useSystemVersions } from "./queries";

/** Every saved version of the system, newest first, with its log record when it was published. */
export function VersionsTab({ systemId, current }: { systemId: string; current: number }) {
  const { t } = useTranslation("registry");
  const f = useFormat();
  const versions = useSystemVersions(systemId);
  if (versions.isPending) return <TableSkeleton rows={3} />;
  if (versions.error) return <ProblemAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  const items = [...versions.data.items].sort((a, b) => b.version - a.version);
  if (items.length === 0) return <EmptyState title={t("versions.empty")} />;
  return (
    <div className="table-scroll">
      <Table striped withTableBorder data-testid="system-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("versions.version")}</Table.Th>
            <Table.Th scope="col">{t("versions.label")}</Table.Th>
            <Table.Th scope="col">{t("versions.saved")}</Table.Th>
            <Table.Th scope="col">{t("versions.status")}</Table.Th>
            <Table.Th scope="col">{t("versions.note")}</Table.Th>
            <Table.Th scope="col">{t("versions.log")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr
              key={v.version}
              data-testid="version-row"
              aria-current={v.version === current ? "true" : undefined}
            >
              <Table.Th scope="row" fw={v.version === current ? 700 : 500}>
                {f.number(v.version)}
                {v.version === current && (
                  <Text span size="xs" c="dimmed">
                    {" "}
                    {t("versions.current")}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>
                <bdi>{v.versionLabel}</bdi>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{f.dateTime(v.createdAt)}</Table.Td>
              <Table.Td>
                <SystemStatusBadge status={v.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {v.changeNote || "—"}
                </Text>
              </Table.Td>
              <Table.Td>
                {v.logIndex === null ? (
                  "—"
                ) : (
                  <AnchorLink to="/log/entries/$index" params={{ index: String(v.logIndex) }}>
                    {t("system.logEntry", { index: f.number(v.logIndex) })}
                  </AnchorLink>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
