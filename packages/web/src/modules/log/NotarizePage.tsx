import type { Receipt } from "@concordia/contracts";
import {
  Alert,
  Button,
  Card,
  Container,
  FileInput,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { fieldErrors, ProblemAlert } from "../../app/problem";
import { RequireSignIn } from "../../app/RequireSignIn";
import { useSession } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { sha256Hex } from "./download";
import { ReceiptCard } from "./ReceiptCard";

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;
const FIELDS = ["title", "description", "fileName", "sha256"] as const;

interface Fingerprint {
  sha256: string;
  fileName: string;
}

function NotarizeForm() {
  const { t } = useTranslation();
  const call = useApi();
  const { can } = useSession();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [fingerprint, setFingerprint] = useState<Fingerprint | null>(null);
  const [hashing, setHashing] = useState(false);
  const [sha256, setSha256] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const resultRef = useRef<HTMLDivElement>(null);
  const hashRun = useRef(0);

  const notarize = useMutation({
    mutationFn: (body: { title: string; description: string; sha256: string; fileName?: string }) =>
      call("notarize", { body }),
  });
  const receipt: Receipt | undefined = notarize.data;
  useEffect(() => {
    if (receipt) resultRef.current?.focus();
  }, [receipt]);
  const errors = { ...fieldErrors(notarize.error), ...local };
  // From the server's policy table (notarizationPolicy), as the session answer reports it.
  const mayNotarize = can.notarize;

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setLocal(({ file: _f, sha256: _s, ...rest }) => rest);
    const run = ++hashRun.current;
    if (!chosen) {
      if (fingerprint && sha256.toLowerCase() === fingerprint.sha256) setSha256("");
      setFingerprint(null);
      return;
    }
    setHashing(true);
    try {
      const hash = await sha256Hex(chosen);
      if (run !== hashRun.current) return; // another file was chosen meanwhile
      setFingerprint({ sha256: hash, fileName: chosen.name });
      setSha256(hash);
    } catch (error) {
      if (run !== hashRun.current) return;
      setFingerprint(null);
      setLocal((l) => ({ ...l, file: t("log.notarize.hashFailed", { message: (error as Error).message }) }));
    } finally {
      if (run === hashRun.current) setHashing(false);
    }
  };

  return (
    <Stack gap="lg">
      {!mayNotarize && (
        <Alert color="orange" title={t("log.notarize.noRoleTitle")} data-testid="no-role-warning">
          {t("log.notarize.noRoleBody")}
        </Alert>
      )}
      <Card withBorder padding="lg">
        <form
          noValidate
          data-testid="notarize-form"
          onSubmit={(e) => {
            e.preventDefault();
            const problems: Record<string, string> = {};
            if (!title.trim()) problems.title = t("validation.required");
            const hash = sha256.trim();
            if (!hash) problems.sha256 = t("log.notarize.hashRequired");
            else if (!HEX_SHA256.test(hash)) problems.sha256 = t("log.notarize.badHash");
            setLocal(problems);
            if (Object.keys(problems).length > 0 || hashing) return;
            const fromFile =
              fingerprint && fingerprint.sha256 === hash.toLowerCase() ? fingerprint.fileName : undefined;
            notarize.mutate({
              title: title.trim(),
              description,
              sha256: hash.toLowerCase(),
              ...(fromFile ? { fileName: fromFile } : {}),
            });
          }}
        >
          <Stack gap="sm">
            <ProblemAlert error={notarize.error} fields={FIELDS} />
            <TextInput
              label={t("log.notarize.documentTitle")}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              required
              maxLength={300}
            />
            <Textarea
              label={t("log.notarize.description")}
              description={t("log.notarize.descriptionHint")}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errors.description}
              autosize
              minRows={2}
              maxLength={5000}
            />
            <FileInput
              label={t("log.notarize.file")}
              description={t("log.notarize.fileHint")}
              placeholder={t("log.notarize.filePlaceholder")}
              value={file}
              onChange={(chosen) => void chooseFile(chosen)}
              error={errors.file ?? errors.fileName}
              clearable
              fileInputProps={{ "data-testid": "notarize-file" } as React.ComponentPropsWithoutRef<"input">}
            />
            {hashing && (
              <Text size="sm" role="status">
                {t("log.notarize.hashing")}
              </Text>
            )}
            <TextInput
              label={t("log.notarize.sha256")}
              description={t("log.notarize.sha256Hint")}
              value={sha256}
              onChange={(e) => setSha256(e.currentTarget.value)}
              error={errors.sha256}
              required
              dir="ltr"
              spellCheck={false}
              autoComplete="off"
              maxLength={64}
              data-testid="notarize-sha256"
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            />
            <Group>
              <Button type="submit" loading={notarize.isPending} disabled={hashing}>
                {t("log.notarize.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {receipt && <ReceiptCard ref={resultRef} receipt={receipt} title={t("log.notarize.done")} />}
    </Stack>
  );
}

/** Signed-in members log a document's SHA-256 (never the document) and get a receipt. */
export function NotarizePage() {
  const { t } = useTranslation();
  usePageTitle(t("log.notarize.title"));
  return (
    <RequireSignIn>
      {() => (
        <Container size="md" py="md">
          <Stack gap="lg">
            <div>
              <Title order={1}>{t("log.notarize.title")}</Title>
              <Text mt="xs">{t("log.notarize.intro")}</Text>
              <Text mt="xs" size="sm" c="dimmed">
                {t("log.notarize.who")}
              </Text>
            </div>
            <NotarizeForm />
          </Stack>
        </Container>
      )}
    </RequireSignIn>
  );
}
