import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import { Rating, useDateOnly } from "./RiskBits";
import type { Risk, Taxonomies } from "./risks";

interface RiskTableProps {
  risks: Risk[];
  taxonomies: Taxonomies;
  canEdit: boolean;
  onEdit: (risk: Risk) => void;
  onHistory: (risk: Risk) => void;
}

/** The register as a table: category, title, rating, residual rating, owner, review date, status. */
export function RiskTable({ risks, taxonomies, canEdit, onEdit, onHistory }: RiskTableProps) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const date = useDateOnly();
  const f = useFormat();
  const label = (r: Risk) => {
    const category = taxonomies.find((x) => x.id === r.taxonomy)?.categories.find((c) => c.code === r.categoryCode);
    return category?.label ?? r.categoryLabel;
  };
  return (
    <div className="table-scroll" style={{ position: "relative" }}>
      <Table striped verticalSpacing="xs" data-testid="risk-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("risks.category")}</Table.Th>
            <Table.Th scope="col">{t("risks.title")}</Table.Th>
            <Table.Th scope="col">{t("risks.inherent")}</Table.Th>
            <Table.Th scope="col">{t("risks.residual")}</Table.Th>
            <Table.Th scope="col">{t("risks.owner")}</Table.Th>
            <Table.Th scope="col">{t("risks.reviewDate")}</Table.Th>
            <Table.Th scope="col">{t("risks.status")}</Table.Th>
            <Table.Th scope="col">{t("risks.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {risks.map((r) => (
            <Table.Tr key={r.id} data-testid="risk-row">
              <Table.Td>
                <Text size="xs" c="dimmed" dir="ltr" span>
                  {r.categoryCode}
                </Text>{" "}
                <Text size="sm" span>
                  {label(r)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {r.title}
                </Text>
                {r.mitigations.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t("risks.mitigationCount", { n: f.number(r.mitigations.length) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Rating likelihood={r.likelihood} impact={r.impact} />
              </Table.Td>
              <Table.Td>
                {r.residualLikelihood !== null && r.residualImpact !== null ? (
                  <Rating likelihood={r.residualLikelihood} impact={r.residualImpact} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("risks.notRated")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{r.owner}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" c={r.overdue ? "red.8" : undefined} fw={r.overdue ? 700 : undefined}>
                    {date(r.reviewDate)}
                  </Text>
                  {r.overdue && (
                    <Badge color="red" variant="filled" size="sm">
                      {t("risks.overdue")}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" color={r.status === "closed" ? "gray" : "blue"}>
                  {t(`riskStatus.${r.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {canEdit && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onEdit(r)}
                      aria-label={t("risks.editNamed", { title: r.title })}
                    >
                      {t("risks.edit")}
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => onHistory(r)}
                    aria-label={t("risks.historyNamed", { title: r.title })}
                  >
                    {t("risks.history")}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
