import { INSTRUMENT_KINDS, INSTRUMENT_STATUSES, type InstrumentKind, type InstrumentStatus } from "@concordia/core";
import { Button, Group, NativeSelect, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useJurisdictionOptions } from "./queries";

export interface InstrumentFilterValues {
  q?: string;
  jurisdiction?: string;
  kind?: InstrumentKind;
  status?: InstrumentStatus;
}

interface InstrumentFiltersProps {
  values: InstrumentFilterValues;
  onChange: (values: InstrumentFilterValues) => void;
  /** Requirement search filters by text and jurisdiction only. */
  mode: "instruments" | "requirements";
}

/** Search box (applied on submit) and selects (applied at once) of the rules library. */
export function InstrumentFilters({ values, onChange, mode }: InstrumentFiltersProps) {
  const { t } = useTranslation("rules");
  const [q, setQ] = useState(values.q ?? "");
  useEffect(() => setQ(values.q ?? ""), [values.q]);
  const jurisdictions = useJurisdictionOptions(values.jurisdiction);
  const filtered = !!(values.q || values.jurisdiction || values.kind || values.status);

  return (
    <search aria-label={t("library.filters")}>
      <form
        data-testid="instrument-filters"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ ...values, q: q.trim() || undefined });
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: mode === "instruments" ? 4 : 2 }} spacing="sm">
          <TextInput
            label={t("library.search")}
            aria-describedby="library-search-hint"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            type="search"
            maxLength={200}
            data-testid="library-search"
          />
          <NativeSelect
            label={t("library.jurisdiction")}
            value={values.jurisdiction ?? ""}
            onChange={(e) => onChange({ ...values, jurisdiction: e.currentTarget.value || undefined })}
            data={[{ value: "", label: t("library.anyJurisdiction") }, ...jurisdictions.options]}
            data-testid="filter-jurisdiction"
          />
          {mode === "instruments" && (
            <>
              <NativeSelect
                label={t("library.kind")}
                value={values.kind ?? ""}
                onChange={(e) => onChange({ ...values, kind: (e.currentTarget.value || undefined) as InstrumentKind })}
                data={[
                  { value: "", label: t("library.anyKind") },
                  ...INSTRUMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
                ]}
                data-testid="filter-kind"
              />
              <NativeSelect
                label={t("library.status")}
                value={values.status ?? ""}
                onChange={(e) =>
                  onChange({ ...values, status: (e.currentTarget.value || undefined) as InstrumentStatus })
                }
                data={[
                  { value: "", label: t("library.anyStatus") },
                  ...INSTRUMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
                ]}
                data-testid="filter-status"
              />
            </>
          )}
        </SimpleGrid>
        <Text size="sm" c="dimmed" mt="xs" id="library-search-hint">
          {mode === "instruments" ? t("library.searchHint") : t("library.searchRequirementsHint")}{" "}
          {t("library.jurisdictionHint")}
        </Text>
        <Group mt="sm" gap="sm">
          <Button type="submit" data-testid="library-search-submit">
            {t("library.submit")}
          </Button>
          {filtered && (
            <Button
              variant="default"
              onClick={() => {
                setQ("");
                onChange({});
              }}
            >
              {t("library.clear")}
            </Button>
          )}
        </Group>
      </form>
    </search>
  );
}
