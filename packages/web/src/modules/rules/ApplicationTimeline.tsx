import type { ApplicationDate } from "@concordia/core";
import { Badge, Group, List, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { VerifyBadge } from "./badges";
import { useDay } from "./format";

const CHANGE_COLORS = { "in-force": "green", proposed: "violet", replaced: "gray" } as const;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** One change of an application date: a replaced earlier date, a change in force, or a proposal. */
function DateChange({ change }: { change: NonNullable<ApplicationDate["changes"]>[number] }) {
  const { t } = useTranslation("rules");
  const day = useDay();
  const date = day(change.date);
  return (
    <List.Item data-testid="date-change" data-status={change.status}>
      <Group gap="xs" wrap="wrap" component="span">
        <Badge size="sm" variant="light" color={CHANGE_COLORS[change.status]}>
          {t(`timeline.change.${change.status}`)}
        </Badge>
        <Text span size="sm">
          {change.status === "replaced" ? <s>{date}</s> : <strong>{date}</strong>}{" "}
          {t(`timeline.changeBy.${change.status}`, { by: change.by })}
        </Text>
      </Group>
      {change.note && (
        <Text size="sm" c="dimmed" mt={2} dir="auto">
          {change.note}
        </Text>
      )}
    </List.Item>
  );
}

/** The dates from which provisions apply, in order, with postponements and pending proposals. */
export function ApplicationTimeline({ dates }: { dates: readonly ApplicationDate[] }) {
  const { t } = useTranslation("rules");
  const day = useDay();
  const now = today();
  const sorted = [...dates].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: "none" }} data-testid="application-timeline">
      {sorted.map((d) => {
        const past = d.date <= now;
        const proposals = (d.changes ?? []).filter((c) => c.status === "proposed");
        return (
          <Paper
            component="li"
            key={d.id}
            withBorder
            p="sm"
            id={`date-${d.id}`}
            style={{ borderInlineStart: `4px solid var(--mantine-color-${past ? "green" : "blue"}-6)` }}
            data-testid="application-date"
          >
            <Group gap="sm" justify="space-between" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={700}>
                  <time dateTime={d.date}>{day(d.date)}</time>
                </Text>
                <Text dir="auto">{d.label}</Text>
                <Text size="sm" c="dimmed">
                  {t("timeline.basis", { basis: d.basis })}
                </Text>
              </div>
              <Group gap="xs">
                <Badge variant="light" color={past ? "green" : "blue"}>
                  {past ? t("timeline.applies") : t("timeline.upcoming")}
                </Badge>
                {proposals.length > 0 && (
                  <Badge variant="filled" color="violet" data-testid="proposed-change">
                    {t("timeline.changeProposed")}
                  </Badge>
                )}
                {d.verify && <VerifyBadge note={d.note} />}
              </Group>
            </Group>
            {d.changes && d.changes.length > 0 && (
              <List size="sm" mt="xs" spacing={4} listStyleType="none" aria-label={t("timeline.changes")}>
                {d.changes.map((c) => (
                  <DateChange key={`${c.status}:${c.date}:${c.by}`} change={c} />
                ))}
              </List>
            )}
            {d.note && (
              <Text size="sm" mt="xs" dir="auto" c={d.verify ? "var(--mantine-color-orange-light-color)" : "dimmed"}>
                {d.verify ? t("timeline.verifyNote", { note: d.note }) : d.note}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
