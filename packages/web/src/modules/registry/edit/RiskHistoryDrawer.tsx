import { Drawer, List, Stack, Text, Timeline, useDirection } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../app/api";
import { useFormat } from "../../../app/format";
import { ProblemAlert } from "../../../app/problem";
import { TableSkeleton } from "../../../app/TableSkeleton";
import { registryKeys } from "../queries";
import { isolate } from "./bidi";
import { historySteps, type Risk, type TrackedField } from "./risks";

/** Every change of a risk, newest first: who, when, and each field's value before and after. */
export function RiskHistoryDrawer({ risk, onClose }: { risk: Risk | null; onClose: () => void }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const { dir } = useDirection();
  const f = useFormat();
  const call = useApi();
  const history = useQuery({
    queryKey: registryKeys.riskHistory(risk?.id ?? ""),
    queryFn: () => call("riskHistory", { params: { riskId: risk!.id } }),
    enabled: !!risk,
  });

  const show = (field: TrackedField, v: unknown): string => {
    if (v === null || v === undefined || v === "") return t("history.none");
    if (Array.isArray(v)) return v.length ? v.map(String).join("; ") : t("history.none");
    if (field === "status") return t(`riskStatus.${v as "open"}`, { defaultValue: String(v) });
    if (typeof v === "number") return f.number(v);
    return String(v);
  };

  const steps = history.data ? historySteps(history.data.items) : [];
  return (
    <Drawer
      opened={!!risk}
      onClose={onClose}
      position={dir === "rtl" ? "left" : "right"}
      size="md"
      title={risk ? t("history.title", { title: isolate(risk.title) }) : ""}
      closeButtonProps={{ "aria-label": t("history.close") }}
    >
      {history.isPending ? (
        <TableSkeleton rows={3} />
      ) : history.error ? (
        <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />
      ) : steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("history.empty", { date: risk ? f.dateTime(risk.createdAt) : "" })}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} data-testid="risk-history">
          {steps.map((s) => (
            <Timeline.Item
              key={s.changedAt}
              title={t("history.changed", { date: f.dateTime(s.changedAt), who: s.changedBy ?? t("history.unknown") })}
            >
              {s.created ? (
                <Text size="sm">{t("history.created")}</Text>
              ) : s.changes.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("history.noVisibleChange")}
                </Text>
              ) : (
                <List size="sm" spacing={2}>
                  {s.changes.map((c) => (
                    <List.Item key={c.field}>
                      <Stack gap={0}>
                        <Text size="sm" fw={600} span>
                          {t(`history.fields.${c.field}`)}
                        </Text>
                        <Text size="sm" span>
                          {t("history.fromTo", { before: show(c.field, c.before), after: show(c.field, c.after) })}
                        </Text>
                      </Stack>
                    </List.Item>
                  ))}
                </List>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Drawer>
  );
}
