import type { RouteResponse } from "@concordia/contracts";
import { Badge, EmptyState, Group, Stack, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { Paginator } from "../../app/Paginator";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { useCountries } from "../members/queries";
import { ShortHash } from "./bits";
import { logKeys, publicMeta } from "./queries";

const PAGE_SIZE = 10;
const route = getRouteApi("/log");

type Cosignature = RouteResponse<"listCheckpoints">["items"][number]["cosignatures"][number];

/** Which witnesses (named by their country where they have one) cosigned a checkpoint. */
function Cosigners({ cosignatures }: { cosignatures: readonly Cosignature[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { byCode } = useCountries();
  if (cosignatures.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("log.checkpoints.none")}
      </Text>
    );
  }
  return (
    <Group gap={6}>
      {cosignatures.map((c) => {
        const country = c.countryCode ? byCode.get(c.countryCode) : undefined;
        const label = country ? f.countryName(country.names) : c.witnessName;
        return (
          <Badge
            key={c.witnessId}
            variant="light"
            color="green"
            data-testid="cosigner"
            title={t("log.checkpoints.cosignedAt", {
              name: c.witnessName,
              date: f.dateTime(new Date(c.timestamp * 1000).toISOString()),
            })}
            style={{ textTransform: "none" }}
          >
            {label}
          </Badge>
        );
      })}
    </Group>
  );
}

/** Recent signed checkpoints, newest first, with the witnesses that cosigned each size. */
export function CheckpointsSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const call = useApi();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = { page: search.cpage ?? 1, pageSize: PAGE_SIZE };
  const checkpoints = useQuery({
    queryKey: logKeys.checkpoints(query),
    queryFn: () => call("listCheckpoints", { query }),
    placeholderData: keepPreviousData,
    meta: publicMeta,
  });

  if (checkpoints.isPending) return <TableSkeleton rows={4} />;
  if (checkpoints.error) {
    return <ProblemAlert error={checkpoints.error} onRetry={() => void checkpoints.refetch()} />;
  }
  if (checkpoints.data.items.length === 0) {
    return <EmptyState title={t("log.checkpoints.emptyTitle")} description={t("log.checkpoints.emptyBody")} />;
  }
  return (
    <Stack gap={0}>
      <div className="table-scroll">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("log.checkpoints.size")}</Table.Th>
              <Table.Th scope="col">{t("log.checkpoints.createdAt")}</Table.Th>
              <Table.Th scope="col">{t("log.checkpoints.rootHash")}</Table.Th>
              <Table.Th scope="col">{t("log.checkpoints.cosignedBy")}</Table.Th>
              <Table.Th scope="col">{t("log.checkpoints.note")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {checkpoints.data.items.map((c) => (
              <Table.Tr key={c.size} data-testid="checkpoint-row">
                <Table.Td fw={600}>{f.number(c.size)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{f.dateTime(c.createdAt)}</Table.Td>
                <Table.Td>
                  <ShortHash value={c.rootHash} />
                </Table.Td>
                <Table.Td>
                  <Cosigners cosignatures={c.cosignatures} />
                </Table.Td>
                <Table.Td>
                  <details>
                    <summary>{t("log.checkpoints.showNote")}</summary>
                    <pre className="preformatted log-note" dir="ltr">
                      {c.note}
                    </pre>
                  </details>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Paginator
        page={checkpoints.data.page}
        pageSize={checkpoints.data.pageSize}
        total={checkpoints.data.total}
        onChange={(p) => void navigate({ search: { ...search, cpage: p > 1 ? p : undefined }, resetScroll: false })}
      />
    </Stack>
  );
}
