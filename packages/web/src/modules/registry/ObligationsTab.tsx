import { Alert, EmptyState, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { countByStatus, sortJurisdictions } from "../rules/finder/results";
import { JurisdictionSection } from "../rules/finder/results/JurisdictionSection";
import { useSystemObligations } from "./queries";

/**
 * The system's obligations by jurisdiction and instrument, each with its citation, status, date
 * and reasons. The reasons quote the profile, so the server leaves them out when the profile is hidden.
 */
export function ObligationsTab({ systemId, profileHidden }: { systemId: string; profileHidden: boolean }) {
  const { t } = useTranslation("registry");
  const f = useFormat();
  const evaluation = useSystemObligations(systemId);
  if (evaluation.isPending) return <TableSkeleton rows={6} />;
  if (evaluation.error) return <ProblemAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} />;
  const data = evaluation.data;
  if (data.jurisdictions.length === 0) {
    return <EmptyState title={t("obligations.noneTitle")} description={t("obligations.noneBody")} />;
  }
  const counts = countByStatus(data);
  return (
    <Stack gap="lg" data-testid="system-obligations">
      <Text size="sm" data-testid="obligations-summary">
        {t("obligations.summary", {
          date: f.date(data.asOf),
          applies: f.number(counts.applies),
          may: f.number(counts["may-apply"]),
        })}
      </Text>
      {profileHidden && (
        <Alert color="gray" variant="light" title={t("obligations.withheldTitle")} data-testid="reasons-withheld">
          {t("obligations.withheldBody")}
        </Alert>
      )}
      {sortJurisdictions(data).map((j) => (
        <JurisdictionSection key={j.jurisdiction} result={j} idPrefix="obl" testId="obligations-jurisdiction" />
      ))}
    </Stack>
  );
}
