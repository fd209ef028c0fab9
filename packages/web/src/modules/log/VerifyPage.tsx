import { Alert, Button, Container, FileInput, Group, Skeleton, Stack, Text, Textarea, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { ProblemAlert, problemOf } from "../../app/problem";
import { usePageTitle } from "../../app/usePageTitle";
import { ConsistencyPanel } from "./ConsistencyPanel";
import { CosignaturesPanel } from "./CosignaturesPanel";
import { logKeys, publicMeta, useLogInfo } from "./queries";
import { VerifySteps } from "./VerifySteps";
import { type KeySource, type Verification, verifyReceipt } from "./verifyReceipt";

const route = getRouteApi("/verify");
/** Receipts are a few kilobytes; anything much larger is not one. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Public page where anyone checks a receipt in their own browser: pasted,
 * opened from a file, or fetched by leaf index (`/verify?index=N`).
 */
export function VerifyPage() {
  const { t } = useTranslation();
  usePageTitle(t("log.verify.title"));
  const f = useFormat();
  const call = useApi();
  const { index } = route.useSearch();
  const info = useLogInfo();
  const serverKey = info.data?.verifierKey;

  const [text, setText] = useState("");
  const [inputError, setInputError] = useState<string | undefined>();
  const [key, setKey] = useState("");
  const [keyTouched, setKeyTouched] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const focusResult = useRef(false);

  // Until the visitor types a key of their own, offer the one this server publishes.
  useEffect(() => {
    if (!keyTouched && serverKey) setKey(serverKey);
  }, [serverKey, keyTouched]);

  const fetched = useQuery({
    queryKey: logKeys.receipt(index ?? -1),
    queryFn: () => call("getReceipt", { params: { index: index ?? 0 } }),
    enabled: index !== undefined,
    meta: publicMeta,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const verify = (receiptText: string, moveFocus: boolean) => {
    if (!receiptText.trim()) {
      setInputError(t("log.verify.emptyReceipt"));
      setVerification(null);
      return;
    }
    setInputError(undefined);
    const typed = key.trim();
    const source: KeySource = typed ? (keyTouched ? "user" : "server") : serverKey ? "server" : "receipt";
    focusResult.current = moveFocus;
    setVerification(verifyReceipt(receiptText, { key: typed || serverKey, keySource: source }));
  };

  // A receipt fetched by index is verified as soon as the log's own key is known (or unavailable).
  const autoVerified = useRef<unknown>(null);
  useEffect(() => {
    if (!fetched.data || info.isPending || autoVerified.current === fetched.data) return;
    autoVerified.current = fetched.data;
    const json = JSON.stringify(fetched.data, null, 2);
    setText(json);
    verify(json, false);
  });

  useEffect(() => {
    if (verification && focusResult.current) {
      focusResult.current = false;
      resultRef.current?.focus();
    }
  }, [verification]);

  const openFile = async (chosen: File | null) => {
    setFile(chosen);
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setInputError(t("log.verify.fileTooLarge"));
      return;
    }
    try {
      const content = await chosen.text();
      setText(content);
      verify(content, true);
    } catch {
      setInputError(t("log.verify.fileUnreadable"));
    }
  };

  const receipt = verification?.receipt;

  return (
    <Container size="lg" py="md">
      <Stack gap="xl">
        <div>
          <Title order={1}>{t("log.verify.title")}</Title>
          <Text mt="xs" maw={760}>
            {t("log.verify.intro")}
          </Text>
          <AnchorLink to="/log" search={{}} size="sm">
            {t("log.verify.toLog")}
          </AnchorLink>
        </div>

        {index !== undefined && fetched.isPending && (
          <Stack gap="xs" role="status" aria-busy="true" aria-label={t("status.loading")}>
            <Text size="sm">{t("log.verify.loadingReceipt", { index: f.number(index) })}</Text>
            <Skeleton height={120} />
          </Stack>
        )}
        {fetched.error &&
          (problemOf(fetched.error)?.status === 404 ? (
            <Alert color="orange" role="alert" title={t("log.verify.receiptNotFoundTitle")} data-testid="problem-alert">
              {t("log.verify.receiptNotFound", { index: f.number(index ?? 0) })}
            </Alert>
          ) : (
            <ProblemAlert error={fetched.error} onRetry={() => void fetched.refetch()} />
          ))}

        <form
          noValidate
          aria-labelledby="verify-form-heading"
          onSubmit={(e) => {
            e.preventDefault();
            verify(text, true);
          }}
        >
          <Stack gap="md">
            <Title order={2} size="h3" id="verify-form-heading">
              {t("log.verify.formTitle")}
            </Title>
            <Textarea
              label={t("log.verify.receipt")}
              description={t("log.verify.receiptHint")}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setVerification(null);
                setInputError(undefined);
              }}
              error={inputError}
              autosize
              minRows={6}
              maxRows={18}
              dir="ltr"
              spellCheck={false}
              autoComplete="off"
              data-testid="receipt-input"
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
            />
            <FileInput
              label={t("log.verify.file")}
              placeholder={t("log.verify.filePlaceholder")}
              accept="application/json,.json"
              value={file}
              onChange={(chosen) => void openFile(chosen)}
              clearable
              maw={480}
              fileInputProps={{ "data-testid": "receipt-file" } as React.ComponentPropsWithoutRef<"input">}
            />
            <Textarea
              label={t("log.verify.key")}
              description={t("log.verify.keyHint")}
              value={key}
              onChange={(e) => {
                setKey(e.currentTarget.value);
                setKeyTouched(true);
                setVerification(null);
              }}
              autosize
              minRows={1}
              maxRows={3}
              dir="ltr"
              spellCheck={false}
              autoComplete="off"
              data-testid="verifier-key-input"
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
            />
            <Group>
              <Button type="submit" data-testid="verify-button">
                {t("log.verify.submit")}
              </Button>
            </Group>
          </Stack>
        </form>

        {verification && (
          <section aria-labelledby="verify-report-heading">
            <Title order={2} size="h3" id="verify-report-heading" mb="sm">
              {t("log.verify.reportTitle")}
            </Title>
            <Stack gap="md">
              {verification.keySource !== "user" &&
                verification.steps.find((s) => s.step === "signature")?.status !== "skip" && (
                  <Alert color="orange" title={t("log.verify.keyWarningTitle")} data-testid="key-warning">
                    {verification.keySource === "server"
                      ? t("log.verify.keyFromServer")
                      : t("log.verify.keyFromReceipt")}
                  </Alert>
                )}
              <VerifySteps ref={resultRef} verification={verification} />
              {receipt && verification.checkpoint && verification.logKey && verification.checkpointText && (
                <>
                  <CosignaturesPanel
                    receipt={receipt}
                    checkpointText={verification.checkpointText}
                    logKey={verification.logKey}
                  />
                  {verification.status === "pass" && (
                    <ConsistencyPanel checkpoint={verification.checkpoint} logKey={verification.logKey} />
                  )}
                </>
              )}
            </Stack>
          </section>
        )}
      </Stack>
    </Container>
  );
}
