import type { Receipt } from "@concordia/contracts";
import type { VerifierKey } from "@concordia/core";
import { Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { useCountries } from "../members/queries";
import { useWitnesses } from "./queries";
import { StatusMark, TechnicalDetail } from "./VerifySteps";
import { checkCosignatures } from "./verifyReceipt";

interface CosignaturesPanelProps {
  receipt: Receipt;
  checkpointText: string;
  logKey: VerifierKey;
}

/**
 * The witnesses' cosignatures carried by the receipt's checkpoint, each
 * checked in the browser against the keys of the registered witnesses.
 */
export function CosignaturesPanel({ receipt, checkpointText, logKey }: CosignaturesPanelProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const witnesses = useWitnesses();
  const { byCode } = useCountries();
  const checks = useMemo(
    () =>
      witnesses.data ? checkCosignatures(receipt.checkpoint, checkpointText, logKey, witnesses.data.items) : undefined,
    [witnesses.data, receipt.checkpoint, checkpointText, logKey],
  );
  const valid = checks?.filter((c) => c.status === "pass").length ?? 0;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="cosignatures-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="cosignatures-heading">
          {t("log.verify.witnesses.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("log.verify.witnesses.intro")}
        </Text>
        {witnesses.isPending ? (
          <TableSkeleton rows={2} />
        ) : witnesses.error ? (
          <ProblemAlert error={witnesses.error} onRetry={() => void witnesses.refetch()} />
        ) : !checks || checks.length === 0 ? (
          <Text data-testid="no-cosignatures">{t("log.verify.witnesses.none")}</Text>
        ) : (
          <>
            <Text size="sm" fw={600}>
              {t("log.verify.witnesses.summary", { valid: f.number(valid), total: f.number(checks.length) })}
            </Text>
            <div className="table-scroll">
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("log.verify.witnesses.result")}</Table.Th>
                    <Table.Th scope="col">{t("log.witnesses.name")}</Table.Th>
                    <Table.Th scope="col">{t("log.witnesses.country")}</Table.Th>
                    <Table.Th scope="col">{t("log.verify.witnesses.signedAt")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {checks.map((c) => {
                    const country = c.witness?.countryCode ? byCode.get(c.witness.countryCode) : undefined;
                    return (
                      <Table.Tr key={c.line} data-testid="witness-cosignature" data-status={c.status}>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <StatusMark status={c.status === "unknown" ? "skip" : c.status} />
                            <Text size="sm">{t(`log.verify.witnesses.${c.status}`)}</Text>
                          </Group>
                          {c.error && <TechnicalDetail error={c.error} />}
                        </Table.Td>
                        <Table.Td>
                          <bdi dir="ltr">{c.name}</bdi>
                        </Table.Td>
                        <Table.Td>{country ? f.countryName(country.names) : (c.witness?.countryCode ?? "—")}</Table.Td>
                        <Table.Td>
                          {c.timestamp ? f.dateTime(new Date(c.timestamp * 1000).toISOString()) : "—"}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </div>
          </>
        )}
      </Stack>
    </Card>
  );
}
