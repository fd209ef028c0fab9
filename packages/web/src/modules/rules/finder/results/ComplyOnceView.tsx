import type { SystemProfile } from "@concordia/core";
import { Button, EmptyState, Group, Stack, Switch, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../../app/format";
import { ProblemAlert } from "../../../../app/problem";
import { TableSkeleton } from "../../../../app/TableSkeleton";
import { useComplyOnce, useEvaluation } from "../../obligationQueries";
import { type ChecklistFilters, filterChecklist } from "../results";
import { ChecklistItemCard } from "./ChecklistItemCard";

/** Items rendered at first, and added by each "show more". */
const PAGE = 25;

/** One checklist for every jurisdiction: each item done once satisfies the related obligations elsewhere. */
export function ComplyOnceView({ profile, asOf }: { profile: SystemProfile; asOf: string | undefined }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  const query = useComplyOnce(profile, asOf);
  // The evaluation is usually cached already (the other tab): it gives instruments their short titles.
  const evaluation = useEvaluation(profile, asOf);
  const titles = useMemo(
    () =>
      new Map(
        (evaluation.data?.jurisdictions ?? []).flatMap((j) => j.instruments.map((i) => [i.instrumentId, i.shortTitle])),
      ),
    [evaluation.data],
  );
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [filters, setFilters] = useState<ChecklistFilters>({ sharedOnly: false, bindingOnly: false });
  const [limit, setLimit] = useState(PAGE);

  if (query.isPending) return <TableSkeleton rows={6} />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const all = query.data.items;
  if (all.length === 0) {
    return <EmptyState title={t("comply.emptyTitle")} description={t("comply.emptyBody")} />;
  }
  const items = filterChecklist(all, filters);
  const covered = items.reduce((n, item) => n + 1 + item.satisfies.length, 0);
  const key = (item: (typeof items)[number]) => `${item.anchor.instrumentId}:${item.anchor.requirementId}`;
  return (
    <Stack gap="md" data-testid="comply-once">
      <Text size="sm">{t("comply.intro")}</Text>
      <Text size="sm" fw={600} aria-live="polite">
        {t("comply.summary", {
          items: f.number(items.length),
          obligations: f.number(covered),
          done: f.number(items.filter((i) => done.has(key(i))).length),
        })}
      </Text>
      <Group gap="lg" wrap="wrap">
        <Switch
          label={t("comply.sharedOnly")}
          checked={filters.sharedOnly}
          onChange={(e) => setFilters({ ...filters, sharedOnly: e.currentTarget.checked })}
          data-testid="comply-shared-only"
        />
        <Switch
          label={t("comply.bindingOnly")}
          checked={filters.bindingOnly}
          onChange={(e) => setFilters({ ...filters, bindingOnly: e.currentTarget.checked })}
        />
      </Group>
      {items.length === 0 && <EmptyState title={t("comply.noMatchTitle")} description={t("comply.noMatchBody")} />}
      <Stack gap="sm" component="ol" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {items.slice(0, limit).map((item) => (
          <ChecklistItemCard
            key={key(item)}
            item={item}
            titles={titles}
            done={done.has(key(item))}
            onDone={(checked) =>
              setDone((prev) => {
                const next = new Set(prev);
                if (checked) next.add(key(item));
                else next.delete(key(item));
                return next;
              })
            }
          />
        ))}
      </Stack>
      {items.length > limit && (
        <Button variant="default" onClick={() => setLimit((l) => l + PAGE)} style={{ alignSelf: "flex-start" }}>
          {t("comply.showMore", { shown: f.number(limit), total: f.number(items.length) })}
        </Button>
      )}
    </Stack>
  );
}
