import { Checkbox, Group, NativeSelect, SimpleGrid, Switch } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useJurisdictionName } from "../../../../app/components/useJurisdictionName";
import { APPLICABILITIES, type Applicability } from "../../obligationTypes";
import type { ResultFilters } from "../results";

interface ResultsFiltersProps {
  filters: ResultFilters;
  onChange: (filters: ResultFilters) => void;
  jurisdictions: string[];
}

/** Status, binding-only and jurisdiction filters, applied at once. */
export function ResultsFilters({ filters, onChange, jurisdictions }: ResultsFiltersProps) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const name = useJurisdictionName();
  return (
    <search aria-label={t("filters.label")}>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Checkbox.Group
          label={t("filters.status")}
          value={filters.statuses}
          onChange={(v) => onChange({ ...filters, statuses: v as Applicability[] })}
        >
          <Group gap="sm" mt={6}>
            {APPLICABILITIES.map((s) => (
              <Checkbox key={s} value={s} label={t(`status.${s}`)} data-testid={`filter-${s}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <NativeSelect
          label={t("filters.jurisdiction")}
          value={filters.jurisdiction ?? ""}
          onChange={(e) => onChange({ ...filters, jurisdiction: e.currentTarget.value || null })}
          data={[
            { value: "", label: t("filters.allJurisdictions") },
            ...jurisdictions.map((j) => ({ value: j, label: `${name(j)} (${j})` })),
          ]}
          data-testid="filter-jurisdiction"
        />
        <Switch
          label={t("filters.bindingOnly")}
          checked={filters.bindingOnly}
          onChange={(e) => onChange({ ...filters, bindingOnly: e.currentTarget.checked })}
          mt={{ base: 0, md: 28 }}
          data-testid="filter-binding"
        />
      </SimpleGrid>
    </search>
  );
}
