import type { Applicability, Coverage, Relation } from "@concordia/core";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const STATUS_COLOURS: Record<Applicability, string> = {
  applies: "green",
  "may-apply": "orange",
  "does-not-apply": "gray",
};

/** Applies / may apply — needs review / does not apply. */
export function StatusBadge({ status }: { status: Applicability }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return (
    <Badge variant="light" color={STATUS_COLOURS[status]} data-testid="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

const COVERAGE_COLOURS: Record<Coverage, string> = { full: "green", partial: "orange", none: "red" };

export function CoverageBadge({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return (
    <Badge variant="light" color={COVERAGE_COLOURS[coverage]} data-testid="coverage-badge" data-coverage={coverage}>
      {t(`coverage.${coverage}`)}
    </Badge>
  );
}

/** equal / subset of / superset of / intersects with (NIST OLIR relationships). */
export function RelationBadge({ relation }: { relation: Relation }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return (
    <Badge variant="outline" color="gray" title={t(`relationHelp.${relation}`)}>
      {t(`relation.${relation}`)}
    </Badge>
  );
}

export function BindingBadge({ binding }: { binding: boolean }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return (
    <Badge variant={binding ? "filled" : "outline"} color={binding ? "blue" : "gray"}>
      {binding ? t("results.binding") : t("results.voluntary")}
    </Badge>
  );
}
