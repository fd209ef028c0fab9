import type { RouteResponse } from "@concordia/contracts";
import { Alert, Button, Code, FileInput, Group, List, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../app/api";
import { useFormat } from "../../../app/format";
import { ProblemAlert, problemOf } from "../../../app/problem";
import { formatBytes, parseJsonObject } from "./files";

interface ImportBomFormProps {
  /** The organization the system belongs to; null while none is chosen. */
  organizationId: string | null;
  /** Update this system instead of creating one. */
  systemId?: string;
  onImported: (system: RouteResponse<"importCycloneDx">) => void;
}

/**
 * A CycloneDX 1.6 ML-BOM (JSON) read in the browser and sent to the server, which validates it
 * against the official schema. A rejected BOM saves nothing; every schema error is listed with its path.
 */
export function ImportBomForm({ organizationId, systemId, onImported }: ImportBomFormProps) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const call = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const importBom = useMutation({
    mutationFn: (bom: Record<string, unknown>) =>
      call("importCycloneDx", { body: { organizationId: organizationId!, bom, ...(systemId ? { systemId } : {}) } }),
    onSuccess: onImported,
  });
  const problem = problemOf(importBom.error);
  const schemaErrors = problem?.status === 400 ? (problem.errors ?? []) : [];

  const submit = async () => {
    importBom.reset();
    if (!organizationId) return setLocal(t("bom.chooseOrganization"));
    if (!file) return setLocal(t("bom.chooseFile"));
    const parsed = parseJsonObject(await file.text());
    if (!parsed.ok) return setLocal(t(`bom.${parsed.reason}`));
    setLocal(null);
    importBom.mutate(parsed.value);
  };

  return (
    <form
      noValidate
      data-testid="bom-import-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{systemId ? t("bom.updateIntro") : t("bom.intro")}</Text>
        <FileInput
          label={t("bom.file")}
          description={file ? t("bom.fileChosen", { size: formatBytes(file.size, f.lang) }) : t("bom.fileHint")}
          placeholder={t("bom.pick")}
          accept=".json,.cdx.json,application/json,application/vnd.cyclonedx+json"
          value={file}
          onChange={(picked) => {
            setFile(picked);
            setLocal(null);
            importBom.reset();
          }}
          error={local}
          clearable
          fileInputProps={{ "data-testid": "bom-file" } as React.ComponentPropsWithoutRef<"input">}
        />
        {schemaErrors.length > 0 ? (
          <Alert color="red" role="alert" title={t("bom.rejected")} data-testid="bom-errors">
            <Stack gap="xs">
              <Text size="sm">{t("bom.nothingSaved", { n: f.number(schemaErrors.length) })}</Text>
              <List size="sm" spacing={4}>
                {schemaErrors.map((e) => (
                  <List.Item key={`${e.field}:${e.message}`} data-testid="bom-error">
                    <Code dir="ltr">{e.field.replace(/^body\./, "") || "/"}</Code> {e.message}
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Alert>
        ) : (
          <ProblemAlert error={importBom.error} />
        )}
        <Group>
          <Button type="submit" loading={importBom.isPending} data-testid="bom-import">
            {systemId ? t("bom.update") : t("bom.import")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
