import { Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import { percent } from "../crosswalks/heatmap";
import type { GapAnalysis } from "../obligationTypes";

const COLOURS = { full: "green.8", partial: "orange.5", none: "red.7" } as const;

/** Full / partial / none counts, as numbers and as one stacked bar. */
export function GapSummary({ summary }: { summary: GapAnalysis["summary"] }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  const parts = (["full", "partial", "none"] as const).map((k) => ({
    key: k,
    count: summary[k],
    pct: summary.total ? (summary[k] * 100) / summary.total : 0,
  }));
  return (
    <Stack gap="xs" data-testid="gap-summary">
      <Group gap="lg" wrap="wrap" component="dl" style={{ margin: 0 }}>
        {parts.map((p) => (
          <div key={p.key} data-testid={`gap-count-${p.key}`}>
            <Text component="dt" size="sm" c="dimmed">
              {t(`coverage.${p.key}`)}
            </Text>
            <Text component="dd" m={0} fw={700} size="lg">
              {f.number(p.count)}{" "}
              <Text span size="sm" fw={400} c="dimmed">
                ({t("heatmap.percent", { value: f.number(percent(p.count, summary.total)) })})
              </Text>
            </Text>
          </div>
        ))}
        <div>
          <Text component="dt" size="sm" c="dimmed">
            {t("gap.total")}
          </Text>
          <Text component="dd" m={0} fw={700} size="lg">
            {f.number(summary.total)}
          </Text>
        </div>
      </Group>
      <Progress.Root size={20} aria-hidden>
        {parts
          .filter((p) => p.count > 0)
          .map((p) => (
            <Progress.Section key={p.key} value={p.pct} color={COLOURS[p.key]} />
          ))}
      </Progress.Root>
    </Stack>
  );
}
