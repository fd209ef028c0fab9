import { EmptyState, List, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import { AnchorLink } from "../../../app/links";
import { ProblemAlert } from "../../../app/problem";
import { TableSkeleton } from "../../../app/TableSkeleton";
import { useCrosswalkList } from "../obligationQueries";

/** The reviewed crosswalk files, with their mapping counts, and mappings that name unknown requirements. */
export function CrosswalkFiles() {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  const list = useCrosswalkList();
  if (list.isPending) return <TableSkeleton rows={3} />;
  if (list.error) return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  const { items, dangling } = list.data;
  return (
    <Stack gap="md">
      {items.length === 0 ? (
        <EmptyState title={t("files.emptyTitle")} description={t("files.emptyBody")} />
      ) : (
        <div className="table-scroll">
          <Table striped fz="sm" data-testid="crosswalk-files">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("files.title")}</Table.Th>
                <Table.Th scope="col">{t("files.between")}</Table.Th>
                <Table.Th scope="col">{t("files.mappings")}</Table.Th>
                <Table.Th scope="col">{t("files.toVerify")}</Table.Th>
                <Table.Th scope="col">{t("files.reviewed")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} data-testid="crosswalk-file">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {c.title}
                    </Text>
                    <Text size="xs" c="dimmed" title={c.method} lineClamp={2}>
                      {c.method}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <AnchorLink to="/instruments/$id" params={{ id: c.source }} search={{}}>
                      <bdi dir="ltr">{c.source}</bdi>
                    </AnchorLink>
                    {" ↔ "}
                    <AnchorLink to="/instruments/$id" params={{ id: c.target }} search={{}}>
                      <bdi dir="ltr">{c.target}</bdi>
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{f.number(c.mappingCount)}</Table.Td>
                  <Table.Td>{f.number(c.verifyCount)}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{f.date(c.lastReviewed)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <section aria-labelledby="dangling-heading">
        <Title order={3} size="h5" id="dangling-heading" mb={4}>
          {t("files.danglingTitle")}
        </Title>
        {dangling.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-dangling">
            {t("files.noDangling")}
          </Text>
        ) : (
          <List size="sm" data-testid="dangling">
            {dangling.map((d) => (
              <List.Item key={`${d.crosswalkId}-${d.index}-${d.key}`}>
                {t("files.danglingItem", { crosswalk: d.crosswalkId, index: f.number(d.index + 1) })}{" "}
                <bdi dir="ltr">{d.key}</bdi>
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}
