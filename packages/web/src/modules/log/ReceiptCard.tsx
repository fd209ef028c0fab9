import type { Receipt } from "@concordia/contracts";
import { Alert, Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { forwardRef } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink, ButtonLink } from "../../app/links";
import { CopyableValue, Fact } from "./bits";
import { downloadJson, receiptFileName } from "./download";

/** A freshly issued receipt: what it says, a download button and where to verify it. */
export const ReceiptCard = forwardRef<HTMLDivElement, { receipt: Receipt; title: string }>(function ReceiptCard(
  { receipt, title },
  ref,
) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="green"
      title={title}
      role="status"
      data-testid="notarize-receipt"
      data-index={receipt.index}
    >
      <Stack gap="sm">
        <Text size="sm">{t("log.receipt.keep", { index: f.number(receipt.index) })}</Text>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="sm" m={0}>
          <Fact label={t("log.entry.index")}>
            <span data-testid="receipt-index">{f.number(receipt.index)}</span>
          </Fact>
          <Fact label={t("log.checkpoints.size")}>{f.number(receipt.treeSize)}</Fact>
          <Fact label={t("log.overview.origin")}>
            <bdi dir="ltr">{receipt.origin}</bdi>
          </Fact>
        </SimpleGrid>
        <dl style={{ margin: 0 }}>
          <Text size="sm" c="dimmed" component="dt">
            {t("log.entries.leafHash")}
          </Text>
          <Text component="dd" m={0}>
            <CopyableValue value={receipt.leafHash} />
          </Text>
        </dl>
        <Group gap="sm">
          <Button onClick={() => downloadJson(receiptFileName(receipt), receipt)} data-testid="download-receipt">
            {t("log.receipt.download")}
          </Button>
          <ButtonLink to="/verify" search={{ index: receipt.index }} variant="outline" data-testid="verify-link">
            {t("log.receipt.verify")}
          </ButtonLink>
          <AnchorLink to="/log/entries/$index" params={{ index: String(receipt.index) }} size="sm">
            {t("log.receipt.viewEntry")}
          </AnchorLink>
        </Group>
        <details>
          <summary>{t("log.receipt.show")}</summary>
          <pre className="preformatted log-record" dir="ltr" data-testid="receipt-json">
            {JSON.stringify(receipt, null, 2)}
          </pre>
        </details>
      </Stack>
    </Alert>
  );
});
