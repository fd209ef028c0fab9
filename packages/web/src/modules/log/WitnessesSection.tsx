import { EmptyState, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { useCountries } from "../members/queries";
import { ShortHash } from "./bits";
import { useWitnesses } from "./queries";

/** The member-state witnesses and how far each has vouched for the log. */
export function WitnessesSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const witnesses = useWitnesses();
  const { byCode } = useCountries();

  if (witnesses.isPending) return <TableSkeleton rows={3} />;
  if (witnesses.error) return <ProblemAlert error={witnesses.error} onRetry={() => void witnesses.refetch()} />;
  if (witnesses.data.items.length === 0) {
    return <EmptyState title={t("log.witnesses.emptyTitle")} description={t("log.witnesses.emptyBody")} />;
  }
  return (
    <div className="table-scroll">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("log.witnesses.country")}</Table.Th>
            <Table.Th scope="col">{t("log.witnesses.name")}</Table.Th>
            <Table.Th scope="col">{t("log.witnesses.lastCosigned")}</Table.Th>
            <Table.Th scope="col">{t("log.witnesses.key")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {witnesses.data.items.map((w) => {
            const country = w.countryCode ? byCode.get(w.countryCode) : undefined;
            return (
              <Table.Tr key={w.id} data-testid="witness-row">
                <Table.Td fw={500}>{country ? f.countryName(country.names) : (w.countryCode ?? "—")}</Table.Td>
                <Table.Td>
                  <bdi dir="ltr">{w.name}</bdi>
                </Table.Td>
                <Table.Td>
                  {w.lastCosignedSize !== null && w.lastCosignedAt
                    ? t("log.witnesses.lastCosignedValue", {
                        size: f.number(w.lastCosignedSize),
                        date: f.dateTime(w.lastCosignedAt),
                      })
                    : t("log.witnesses.never")}
                </Table.Td>
                <Table.Td>
                  <ShortHash value={w.verifierKey} chars={28} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
