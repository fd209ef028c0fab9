import { Button, Code, Group, List, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../app/api";
import { downloadBytes } from "../../../app/download";
import { useFormat } from "../../../app/format";
import { ProblemAlert } from "../../../app/problem";
import type { Evidence } from "./assessment";
import { base64ToBytes, formatBytes, shortHash } from "./files";

/** Evidence files of an answer: name, size, SHA-256; each can be downloaded (and removed while editing). */
export function EvidenceList({ files, onRemove }: { files: Evidence[]; onRemove?: (sha256: string) => void }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const call = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = async (e: Evidence) => {
    setBusy(e.sha256);
    setError(null);
    try {
      const file = await call("getEvidence", { params: { sha256: e.sha256 } });
      downloadBytes(file.fileName || e.fileName, base64ToBytes(file.contentBase64), file.mediaType);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  if (files.length === 0) return null;
  return (
    <Stack gap={4}>
      <List size="sm" spacing={6} listStyleType="none" ps={0} data-testid="evidence-list">
        {files.map((e) => (
          <List.Item key={e.sha256} data-testid="evidence-item">
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                {e.fileName}
              </Text>
              <Text size="xs" c="dimmed">
                {formatBytes(e.size, f.lang)}
              </Text>
              <Code title={e.sha256} dir="ltr" data-testid="evidence-sha256" data-sha256={e.sha256}>
                {t("evidence.sha", { hash: shortHash(e.sha256) })}
              </Code>
              <Button
                size="compact-xs"
                variant="subtle"
                loading={busy === e.sha256}
                onClick={() => void download(e)}
                aria-label={t("evidence.downloadNamed", { name: e.fileName })}
              >
                {t("evidence.download")}
              </Button>
              {onRemove && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => onRemove(e.sha256)}
                  aria-label={t("evidence.removeNamed", { name: e.fileName })}
                >
                  {t("list.remove")}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      <ProblemAlert error={error} />
    </Stack>
  );
}
