import type { SystemProfile } from "@concordia/core";
import { Button, EmptyState, Group, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadCsv, downloadJson } from "../../../../app/download";
import { useFormat } from "../../../../app/format";
import { ProblemAlert } from "../../../../app/problem";
import { TableSkeleton } from "../../../../app/TableSkeleton";
import { evaluationCsv } from "../../csv";
import { useEvaluation } from "../../obligationQueries";
import { APPLICABILITIES } from "../../obligationTypes";
import {
  countByStatus,
  DEFAULT_FILTERS,
  exportFileName,
  filterEvaluation,
  type ResultFilters,
  sortJurisdictions,
} from "../results";
import { JurisdictionSection } from "./JurisdictionSection";
import { ResultsFilters } from "./ResultsFilters";

/** Obligations by jurisdiction, then instrument, with filters and CSV / JSON export. */
export function ObligationsView({ profile, asOf }: { profile: SystemProfile; asOf: string | undefined }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  const evaluation = useEvaluation(profile, asOf);
  const [filters, setFilters] = useState<ResultFilters>(DEFAULT_FILTERS);
  const shown = useMemo(
    () => (evaluation.data ? filterEvaluation(evaluation.data, filters) : null),
    [evaluation.data, filters],
  );

  if (evaluation.isPending) return <TableSkeleton rows={6} />;
  if (evaluation.error) return <ProblemAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} />;
  const data = evaluation.data;
  const all = countByStatus(data);
  const visible = shown ? countByStatus(shown) : all;
  const rows = APPLICABILITIES.reduce((n, s) => n + visible[s], 0);

  return (
    <Stack gap="md" aria-busy={evaluation.isFetching} data-testid="results">
      <Text size="sm" aria-live="polite" data-testid="results-summary">
        {t("results.summary", {
          date: f.date(data.asOf),
          applies: f.number(all.applies),
          may: f.number(all["may-apply"]),
          not: f.number(all["does-not-apply"]),
        })}
      </Text>
      <ResultsFilters
        filters={filters}
        onChange={setFilters}
        jurisdictions={data.jurisdictions.map((j) => j.jurisdiction)}
      />
      <Group gap="sm">
        <Button
          variant="default"
          size="sm"
          disabled={rows === 0}
          onClick={() => shown && downloadCsv(exportFileName("obligations", data.asOf, "csv"), evaluationCsv(shown))}
          data-testid="export-csv"
        >
          {t("results.exportCsv", { n: f.number(rows) })}
        </Button>
        <Button
          variant="default"
          size="sm"
          onClick={() => downloadJson(exportFileName("evaluation", data.asOf, "json"), { profile, ...data })}
          data-testid="export-json"
        >
          {t("results.exportJson")}
        </Button>
      </Group>
      {!shown || shown.jurisdictions.length === 0 ? (
        <EmptyState
          title={data.jurisdictions.length === 0 ? t("results.noneTitle") : t("results.noMatchTitle")}
          description={data.jurisdictions.length === 0 ? t("results.noneBody") : t("results.noMatchBody")}
        />
      ) : (
        sortJurisdictions(shown).map((j) => (
          <JurisdictionSection key={j.jurisdiction} result={j} idPrefix="jur" testId="jurisdiction-results" />
        ))
      )}
    </Stack>
  );
}
