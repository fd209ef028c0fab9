import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BindingBadge, StatusBadge } from "../../../../app/components/badges";
import { useFormat } from "../../../../app/format";
import { AnchorLink } from "../../../../app/links";
import type { InstrumentResult } from "../../obligationTypes";
import { ObligationItem } from "./ObligationItem";
import { Reasons } from "./Reasons";

/** One instrument's result: its category in its own terms, scope status, and the obligations shown. */
export function InstrumentResultCard({ result }: { result: InstrumentResult }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  const headingId = `inst-${result.instrumentId}`;
  const listId = `obligations-${result.instrumentId}`;
  // Binding instruments that apply open with their obligations listed; the others start folded.
  const [open, setOpen] = useState(result.binding && result.status === "applies");
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-labelledby={headingId}
      data-testid="instrument-result"
      data-instrument={result.instrumentId}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={4} id={headingId}>
              <AnchorLink to="/instruments/$id" params={{ id: result.instrumentId }} search={{}}>
                {result.shortTitle}
              </AnchorLink>
            </Title>
            <Text size="xs" c="dimmed">
              {t(`kinds.${result.kind}`)}
            </Text>
          </Stack>
          <Group gap={6}>
            <BindingBadge binding={result.binding} />
            <StatusBadge status={result.status} />
          </Group>
        </Group>

        {result.repealedOn && (
          <Text size="sm" c="red.9" fw={600} data-testid="repealed">
            {t("results.repealedOn", { date: f.date(result.repealedOn) })}
          </Text>
        )}
        {result.category && (
          <Text size="sm" data-testid="instrument-category">
            {t("results.category")}{" "}
            <Text span fw={700}>
              {result.category.label}
            </Text>
          </Text>
        )}
        {result.possibleCategories.length > 0 && (
          <Group gap={6} data-testid="possible-categories">
            <Text size="sm">{t("results.possibleCategories")}</Text>
            {result.possibleCategories.map((c) => (
              <Badge key={c.id} variant="light" color="orange">
                {c.label}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t("results.counts", {
            applies: f.number(result.counts.applies),
            may: f.number(result.counts.mayApply),
            not: f.number(result.counts.doesNotApply),
          })}
          {result.counts.stateDuties > 0 &&
            ` · ${t("results.stateDuties", { n: f.number(result.counts.stateDuties) })}`}
        </Text>
        {result.scopeTrace.length > 0 && (
          <Reasons trace={result.scopeTrace} label={t("results.scopeReasons")} subject={result.shortTitle} />
        )}

        {result.obligations.length > 0 && (
          <div>
            <Button
              variant="light"
              size="compact-sm"
              aria-expanded={open}
              aria-controls={listId}
              onClick={() => setOpen((o) => !o)}
              data-testid="obligations-toggle"
            >
              {open
                ? t("results.hideObligations")
                : t("results.showObligations", { n: f.number(result.obligations.length) })}
            </Button>
            {open && (
              <Stack gap={0} component="ul" id={listId} mt="xs" style={{ listStyle: "none", margin: 0, padding: 0 }}>
                {result.obligations.map((o) => (
                  <ObligationItem key={o.requirementId} instrumentId={result.instrumentId} obligation={o} />
                ))}
              </Stack>
            )}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
