import { Button, Group, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { downloadText } from "../../app/download";
import { ProblemAlert } from "../../app/problem";
import { exportFileName, type RegistryFilters } from "./model";
import { fetchRegisterExport } from "./queries";

const TYPES = { csv: "text/csv;charset=utf-8", json: "application/json" } as const;

/** Downloads the current results (same filters, at most 10,000 rows) as CSV or JSON. */
export function ExportButtons({ filters, disabled }: { filters: RegistryFilters; disabled: boolean }) {
  const { t } = useTranslation("registry");
  const download = useMutation({
    mutationFn: async (format: "csv" | "json") => {
      const text = await fetchRegisterExport(format, filters);
      downloadText(exportFileName("registry", new Date(), format), text, TYPES[format]);
      return format;
    },
  });
  const busy = download.isPending ? download.variables : null;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button
          variant="default"
          size="sm"
          disabled={disabled}
          loading={busy === "csv"}
          onClick={() => download.mutate("csv")}
          data-testid="export-csv"
        >
          {t("export.csv")}
        </Button>
        <Button
          variant="default"
          size="sm"
          disabled={disabled}
          loading={busy === "json"}
          onClick={() => download.mutate("json")}
          data-testid="export-json"
        >
          {t("export.json")}
        </Button>
        <Text size="xs" c="dimmed">
          {t("export.hint")}
        </Text>
      </Group>
      {download.error && <ProblemAlert error={download.error} />}
    </Stack>
  );
}
