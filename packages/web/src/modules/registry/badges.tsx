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

/**
 * Names a register category ("eu-ai-act:high-risk") by its instrument's short title and the
 * category's id in that instrument ("EU AI Act: high-risk"). The titles come from the rules
 * library (one page of instruments, shared with its pages' cache).
 */
export function useCategoryName(): (category: string) => string {
  const call = useApi();
  const { t } = useTranslation("registry");
  const instruments = useQuery({
    queryKey: rulesKeys.instruments(INSTRUMENTS_QUERY),
    queryFn: () => call("listInstruments", { query: INSTRUMENTS_QUERY }),
    meta: publicMeta,
    staleTime: 5 * 60_000,
  });
  const titles = useMemo(
    () => new Map((instruments.data?.items ?? []).map((i) => [i.id, i.shortTitle])),
    [instruments.data],
  );
  return useCallback(
    (category: string) => {
      const { instrumentId, categoryId } = categoryParts(category);
      const instrument = titles.get(instrumentId) ?? instrumentId;
      return categoryId ? t("category", { instrument, category: categoryId }) : instrument;
    },
    [titles, t],
  );
}

/** The categories of a system (per instrument), as badges. */
export function CategoryBadges({ categories }: { categories: readonly string[] }) {
  const name = useCategoryName();
  if (categories.length === 0) return null;
  return (
    <Group gap={4} data-testid="system-categories">
      {categories.map((c) => (
        <Badge
          key={c}
          variant="light"
          color="indigo"
          tt="none"
          title={c}
          data-category={c}
          h="auto"
          py={2}
          maw="100%"
          styles={{ label: { whiteSpace: "normal", overflowWrap: "anywhere" } }}
        >
          {name(c)}
        </Badge>
      ))}
    </Group>
  );
}
