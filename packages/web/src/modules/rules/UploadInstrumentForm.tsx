import { Button, Group, Input, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { ProblemAlert } from "../../app/problem";
import { rulesKeys } from "./queries";
import { detectFormat } from "./upload";
import { PublishedAlert, ValidationResult } from "./ValidationResult";

type Format = "json" | "yaml";
const MAX_BYTES = 2_000_000;

/** Pick or paste an instrument file (JSON or YAML), validate it, then publish it as a new version. */
export function UploadInstrumentForm() {
  const { t } = useTranslation("rules");
  const call = useApi();
  const queryClient = useQueryClient();
  const fileId = useId();
  const [content, setContent] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [override, setOverride] = useState<Format | "">("");
  const [local, setLocal] = useState<string | undefined>();
  const format: Format = override || detectFormat(fileName, content);

  const validate = useMutation({ mutationFn: () => call("validateInstrument", { body: { format, content } }) });
  const publish = useMutation({
    mutationFn: () => call("publishInstrument", { body: { format, content } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rulesKeys.all }),
  });
  const reset = () => {
    setLocal(undefined);
    validate.reset();
    publish.reset();
  };
  const check = (): boolean => {
    if (content.trim().length < 2) {
      setLocal(t("admin.contentRequired"));
      return false;
    }
    return true;
  };

  const readFile = async (file: File | undefined) => {
    reset();
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setLocal(t("admin.tooLarge"));
      return;
    }
    setFileName(file.name);
    setOverride("");
    setContent(await file.text());
  };

  return (
    <form
      noValidate
      data-testid="upload-instrument-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (check()) validate.mutate();
      }}
    >
      <Stack gap="md">
        <Input.Wrapper label={t("admin.file")} description={t("admin.fileHint")} id={fileId}>
          <input
            id={fileId}
            aria-describedby={`${fileId}-description`}
            type="file"
            accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
            onChange={(e) => void readFile(e.currentTarget.files?.[0])}
            data-testid="instrument-file"
            style={{ display: "block", marginTop: 4, maxWidth: "100%" }}
          />
        </Input.Wrapper>
        <Textarea
          label={t("admin.content")}
          description={t("admin.contentHint")}
          value={content}
          onChange={(e) => {
            setContent(e.currentTarget.value);
            setFileName(null);
            reset();
          }}
          error={local}
          autosize
          minRows={8}
          maxRows={24}
          dir="ltr"
          spellCheck={false}
          autoComplete="off"
          data-testid="instrument-content"
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
        />
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t("admin.format")}
            value={override}
            onChange={(e) => {
              setOverride(e.currentTarget.value as Format | "");
              reset();
            }}
            data={[
              { value: "", label: t("admin.formatAuto", { format: t(`admin.formats.${format}`) }) },
              { value: "json", label: t("admin.formats.json") },
              { value: "yaml", label: t("admin.formats.yaml") },
            ]}
            data-testid="instrument-format"
          />
          <Button type="submit" loading={validate.isPending} data-testid="validate-button">
            {t("admin.validate")}
          </Button>
          <Button
            color="green"
            loading={publish.isPending}
            disabled={validate.data?.valid === false}
            onClick={() => {
              if (check()) publish.mutate();
            }}
            data-testid="publish-button"
          >
            {t("admin.publish")}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t("admin.publishHint")}
        </Text>
        <div aria-live="polite">
          <ProblemAlert error={validate.error} />
          <ProblemAlert error={publish.error} />
          {validate.data && !publish.data && <ValidationResult report={validate.data} />}
          {publish.data && <PublishedAlert published={publish.data} />}
        </div>
      </Stack>
    </form>
  );
}
