import type { SystemKind, SystemStatus } from "@concordia/core";
import { Badge, Group } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { rulesKeys } from "../rules/queries";
import { categoryParts } from "./model";
import { publicMeta } from "./queries";

const STATUS_COLORS: Record<SystemStatus, string> = {
  draft: "gray",
  submitted: "yellow",
  published: "green",
  withdrawn: "red",
};

export function SystemStatusBadge({ status }: { status: SystemStatus }) {
  const { t } = useTranslation("registry");
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} data-testid="system-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function SystemKindBadge({ kind }: { kind: SystemKind }) {
  const { t } = useTranslation("registry");
  return (
    <Badge variant="outline" color="gray" data-testid="system-kind">
      {t(`kind.${kind}`)}
    </Badge>
  );
}

const INSTRUMENTS_QUERY = { page: 1, pageSize: 200 } as const;

interface CategoryInfo {
  /** "EU AI Act: high-risk": the instrument's short title and the category's id in it. */
  name: string;
  /** Whether the instrument binds (law), as opposed to guidance, standards or principles. */
  binding: boolean;
}

/**
 * Names a register category ("eu-ai-act:high-risk") by its instrument's short title and the
 * category's id in that instrument ("EU AI Act: high-risk"), and says whether the instrument binds.
 * The instruments come from the rules library (one page, shared with its pages' cache).
 */
export function useCategoryInfo(): (category: string) => CategoryInfo {
  const call = useApi();
  const { t } = useTranslation("registry");
  const instruments = useQuery({
    queryKey: rulesKeys.instruments(INSTRUMENTS_QUERY),
    queryFn: () => call("listInstruments", { query: INSTRUMENTS_QUERY }),
    meta: publicMeta,
    staleTime: 5 * 60_000,
  });
  const byId = useMemo(
    () => new Map((instruments.data?.items ?? []).map((i) => [i.id, { title: i.shortTitle, binding: i.binding }])),
    [instruments.data],
  );
  return useCallback(
    (category: string) => {
      const { instrumentId, categoryId } = categoryParts(category);
      const found = byId.get(instrumentId);
      const instrument = found?.title ?? instrumentId;
      return {
        name: categoryId ? t("category", { instrument, category: categoryId }) : instrument,
        binding: found?.binding ?? false,
      };
    },
    [byId, t],
  );
}

export function useCategoryName(): (category: string) => string {
  const info = useCategoryInfo();
  return useCallback((category: string) => info(category).name, [info]);
}

/**
 * The categories of a system (per instrument), as badges: those under binding instruments first.
 * With `max`, the rest are counted in a last badge that names them on hover.
 */
export function CategoryBadges({ categories, max }: { categories: readonly string[]; max?: number }) {
  const { t } = useTranslation("registry");
  const info = useCategoryInfo();
  if (categories.length === 0) return null;
  const sorted = categories.map((c) => ({ id: c, ...info(c) })).sort((a, b) => Number(b.binding) - Number(a.binding));
  const shown = max !== undefined && sorted.length > max + 1 ? sorted.slice(0, max) : sorted;
  const rest = sorted.slice(shown.length);
  return (
    <Group gap={4} data-testid="system-categories">
      {shown.map((c) => (
        <Badge
          key={c.id}
          variant={c.binding ? "light" : "outline"}
          color="indigo"
          tt="none"
          title={c.id}
          data-category={c.id}
          h="auto"
          py={2}
          maw="100%"
          styles={{ label: { whiteSpace: "normal", overflowWrap: "anywhere" } }}
        >
          {c.name}
        </Badge>
      ))}
      {rest.length > 0 && (
        <Badge
          variant="transparent"
          color="gray"
          tt="none"
          title={rest.map((c) => c.name).join("\n")}
          data-testid="more-categories"
        >
          {t("list.moreCategories", { n: rest.length })}
        </Badge>
      )}
    </Group>
  );
}
