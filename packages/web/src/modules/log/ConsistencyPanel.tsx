import type { Checkpoint, VerifierKey } from "@concordia/core";
import { Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { TOptions } from "i18next";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { ProblemAlert } from "../../app/problem";
import { logKeys, publicMeta, useLogInfo } from "./queries";
import { StatusMark, TechnicalDetail } from "./VerifySteps";
import { checkConsistency, checkpointSize } from "./verifyReceipt";

/**
 * Goes one step beyond the receipt: fetches today's signed checkpoint and a
 * consistency proof, and checks in the browser that the receipt's tree is
 * still the beginning of the log, i.e. that the log never rewrote its past.
 */
export function ConsistencyPanel({ checkpoint, logKey }: { checkpoint: Checkpoint; logKey: VerifierKey }) {
  const { t } = useTranslation();
  const f = useFormat();
  const call = useApi();
  const info = useLogInfo();
  const latestNote = info.data?.checkpoint ?? null;
  const latestSize = latestNote ? checkpointSize(latestNote) : undefined;
  const needsProof = latestSize !== undefined && latestSize > checkpoint.size;
  const proof = useQuery({
    queryKey: logKeys.consistency(checkpoint.size, latestSize ?? 0),
    queryFn: () => call("consistencyProof", { query: { from: checkpoint.size, to: latestSize ?? 0 } }),
    enabled: needsProof,
    meta: publicMeta,
  });

  const error = info.error ?? (needsProof ? proof.error : null);
  const pending = info.isPending || (needsProof && proof.isPending);
  const result =
    pending || error
      ? undefined
      : latestNote
        ? checkConsistency(checkpoint, logKey, latestNote, needsProof ? (proof.data?.proof ?? null) : [])
        : ({ status: "fail", outcome: "badLatest", values: {} } as const);
  const values: TOptions = Object.fromEntries(
    Object.entries(result?.values ?? {}).map(([k, v]) => [k, f.number(Number(v))]),
  );

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="consistency-heading"
      data-testid="consistency-check"
      data-status={result?.status ?? (error ? "error" : "pending")}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="consistency-heading">
          {t("log.verify.consistency.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("log.verify.consistency.intro")}
        </Text>
        {pending ? (
          <Skeleton height={24} role="status" aria-label={t("log.verify.consistency.checking")} />
        ) : error ? (
          <>
            <Text size="sm">{t("log.verify.consistency.unavailable")}</Text>
            <ProblemAlert error={error} onRetry={() => void (info.error ? info.refetch() : proof.refetch())} />
          </>
        ) : result ? (
          <Group align="flex-start" wrap="nowrap" gap="sm" aria-live="polite">
            <StatusMark status={result.status} />
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {t(`log.verify.consistency.${result.outcome}`, values)}
              </Text>
              {"error" in result && result.error && <TechnicalDetail error={result.error} />}
            </Stack>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
