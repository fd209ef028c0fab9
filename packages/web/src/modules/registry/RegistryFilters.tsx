import { PURPOSES, SYSTEM_KINDS, SYSTEM_STATUSES } from "@concordia/core";
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useJurisdictionName } from "../../app/components/useJurisdictionName";
import { useFormat } from "../../app/format";
import { useCategoryName } from "./badges";
import { type RegistryFilters as Filters, type RegistryStats, SORTS } from "./model";
import { ProviderSelect } from "./ProviderSelect";

interface RegistryFiltersProps {
  values: Filters;
  onChange: (values: Filters) => void;
  /** Categories and jurisdictions with published systems, offered as choices. */
  stats: RegistryStats | undefined;
  signedIn: boolean;
}

/** Options sorted by label, keeping a value chosen by a link even when the statistics do not list it. */
function choices(
  codes: readonly string[],
  selected: string | undefined,
  label: (code: string) => string,
  compare: (a: string, b: string) => number,
) {
  const set = new Set(codes);
  if (selected) set.add(selected);
  return [...set].map((value) => ({ value, label: label(value) })).sort((a, b) => compare(a.label, b.label));
}

/** Search box (applied on submit) and selects (applied at once) of the register; all live in the URL. */
export function RegistryFilters({ values, onChange, stats, signedIn }: RegistryFiltersProps) {
  const { t } = useTranslation("registry");
  const { t: tObligations } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  const jurisdictionName = useJurisdictionName();
  const categoryName = useCategoryName();
  const [q, setQ] = useState(values.q ?? "");
  useEffect(() => setQ(values.q ?? ""), [values.q]);
  const set = (patch: Partial<Filters>) => onChange({ ...values, ...patch });

  const jurisdictions = choices(
    (stats?.byJurisdiction ?? []).map((j) => j.jurisdiction),
    values.jurisdiction,
    (c) => `${jurisdictionName(c)} (${c})`,
    f.compare,
  );
  const categories = choices(
    (stats?.byCategory ?? []).map((c) => c.category),
    values.category,
    categoryName,
    f.compare,
  );
  const sectors = PURPOSES.map((p) => ({ value: p, label: tObligations(`values.purposes.${p}`) })).sort((a, b) =>
    f.compare(a.label, b.label),
  );

  return (
    <search aria-label={t("filters.label")}>
      <form
        data-testid="registry-filters"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: q.trim() || undefined });
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            label={t("filters.q")}
            description={t("filters.qHint")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            type="search"
            maxLength={200}
            data-testid="filter-q"
          />
          <NativeSelect
            label={t("filters.jurisdiction")}
            value={values.jurisdiction ?? ""}
            onChange={(e) => set({ jurisdiction: e.currentTarget.value || undefined })}
            data={[{ value: "", label: t("filters.anyJurisdiction") }, ...jurisdictions]}
            data-testid="filter-jurisdiction"
          />
          <NativeSelect
            label={t("filters.category")}
            value={values.category ?? ""}
            onChange={(e) => set({ category: e.currentTarget.value || undefined })}
            data={[{ value: "", label: t("filters.anyCategory") }, ...categories]}
            data-testid="filter-category"
          />
          <NativeSelect
            label={t("filters.sector")}
            value={values.sector ?? ""}
            onChange={(e) => set({ sector: e.currentTarget.value || undefined })}
            data={[{ value: "", label: t("filters.anySector") }, ...sectors]}
            data-testid="filter-sector"
          />
          <ProviderSelect value={values.provider ?? ""} onChange={(provider) => set({ provider })} />
          <NativeSelect
            label={t("filters.kind")}
            value={values.kind ?? ""}
            onChange={(e) => set({ kind: (e.currentTarget.value || undefined) as Filters["kind"] })}
            data={[
              { value: "", label: t("filters.anyKind") },
              ...SYSTEM_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
            ]}
            data-testid="filter-kind"
          />
          {signedIn && (
            <NativeSelect
              label={t("filters.status")}
              description={t("filters.statusHint")}
              value={values.status ?? ""}
              onChange={(e) => set({ status: (e.currentTarget.value || undefined) as Filters["status"] })}
              data={[
                { value: "", label: t("filters.published") },
                ...SYSTEM_STATUSES.filter((s) => s !== "published").map((s) => ({ value: s, label: t(`status.${s}`) })),
              ]}
              data-testid="filter-status"
            />
          )}
          <NativeSelect
            label={t("filters.sort")}
            value={values.sort ?? "relevance"}
            onChange={(e) => {
              const sort = e.currentTarget.value as Filters["sort"];
              set({ sort: sort === "relevance" ? undefined : sort });
            }}
            data={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
            data-testid="filter-sort"
          />
        </SimpleGrid>
        {signedIn && (
          <Checkbox
            mt="sm"
            label={t("filters.mine")}
            checked={values.mine === "true"}
            onChange={(e) => set({ mine: e.currentTarget.checked ? "true" : undefined })}
            data-testid="filter-mine"
          />
        )}
        <Group mt="sm" gap="sm">
          <Button type="submit">{t("filters.search")}</Button>
          <Button
            variant="default"
            onClick={() => {
              setQ("");
              onChange({});
            }}
          >
            {t("filters.clear")}
          </Button>
        </Group>
      </form>
    </search>
  );
}
