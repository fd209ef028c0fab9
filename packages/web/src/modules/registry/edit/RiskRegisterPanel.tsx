import { RISK_LEVELS } from "@concordia/core";
import { Alert, Button, EmptyState, Group, Modal, SegmentedControl, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../app/api";
import { useFormat } from "../../../app/format";
import { ProblemAlert } from "../../../app/problem";
import { TableSkeleton } from "../../../app/TableSkeleton";
import { registryKeys } from "../queries";
import { isForbidden, useRefreshRegistry, useTaxonomies } from "./queries";
import { LevelBadge } from "./RiskBits";
import { RiskForm } from "./RiskForm";
import { RiskHistoryDrawer } from "./RiskHistoryDrawer";
import { RiskMatrix } from "./RiskMatrix";
import { RiskTable } from "./RiskTable";
import { emptyRiskForm, type Risk, type RiskInput, riskToForm } from "./risks";

type Editing = { mode: "new" } | { mode: "edit"; risk: Risk } | null;

/** A system's risk register: summary, table or 5 × 5 matrix, add and change risks, each risk's history. */
export function RiskRegisterPanel({ systemId, canEdit }: { systemId: string; canEdit: boolean }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const call = useApi();
  const refresh = useRefreshRegistry();
  const [view, setView] = useState<"table" | "matrix">("table");
  const [editing, setEditing] = useState<Editing>(null);
  const [historyOf, setHistoryOf] = useState<Risk | null>(null);
  const phone = useMediaQuery("(max-width: 36em)");
  const risks = useQuery({
    queryKey: registryKeys.risks(systemId),
    queryFn: () => call("listRisks", { params: { id: systemId } }),
  });
  const taxonomies = useTaxonomies();
  const save = useMutation({
    mutationFn: (body: RiskInput) =>
      editing?.mode === "edit"
        ? call("updateRisk", { params: { riskId: editing.risk.id }, body })
        : call("createRisk", { params: { id: systemId }, body }),
    onSuccess: () => {
      setEditing(null);
      void refresh();
    },
  });
  const open = (e: Editing) => {
    save.reset();
    setEditing(e);
  };

  if (risks.isPending || taxonomies.isPending) return <TableSkeleton />;
  if (isForbidden(risks.error)) {
    return (
      <Alert color="gray" title={t("risks.forbiddenTitle")} data-testid="risks-forbidden">
        {t("risks.forbidden")}
      </Alert>
    );
  }
  if (risks.error || taxonomies.error) {
    return (
      <ProblemAlert
        error={risks.error ?? taxonomies.error}
        onRetry={() => void Promise.all([risks.refetch(), taxonomies.refetch()])}
      />
    );
  }
  const { items, summary } = risks.data;
  const tax = taxonomies.data.taxonomies;
  return (
    <Stack gap="md" component="section" aria-label={t("risks.heading")} data-testid="risk-register">
      {canEdit && (
        <Group>
          <Button onClick={() => open({ mode: "new" })} data-testid="add-risk">
            {t("risks.add")}
          </Button>
        </Group>
      )}
      <Stack gap={6} data-testid="risk-summary">
        <Text size="sm">{t("risks.summary", { total: f.number(summary.total), open: f.number(summary.open) })}</Text>
        {(["inherent", "residual"] as const).map((which) => (
          <Group key={which} gap={6} wrap="wrap">
            <Text size="sm" fw={600} miw={150}>
              {t(`risks.${which}Open`)}
            </Text>
            {RISK_LEVELS.map((level) => (
              <Group key={level} gap={4} wrap="nowrap">
                <LevelBadge level={level} />
                <Text size="sm" data-testid={`summary-${which}-${level}`}>
                  {f.number(summary[which][level] ?? 0)}
                </Text>
              </Group>
            ))}
          </Group>
        ))}
      </Stack>
      {items.length === 0 ? (
        <EmptyState title={t("risks.emptyTitle")} description={canEdit ? t("risks.emptyEditable") : t("risks.empty")} />
      ) : (
        <>
          <SegmentedControl
            aria-label={t("risks.view")}
            value={view}
            onChange={(v) => setView(v as "table" | "matrix")}
            data={[
              { value: "table", label: t("risks.viewTable") },
              { value: "matrix", label: t("risks.viewMatrix") },
            ]}
            style={{ alignSelf: "flex-start" }}
            data-testid="risk-view"
          />
          {view === "table" ? (
            <RiskTable
              risks={items}
              taxonomies={tax}
              canEdit={canEdit}
              onEdit={(risk) => open({ mode: "edit", risk })}
              onHistory={setHistoryOf}
            />
          ) : (
            <RiskMatrix risks={items} />
          )}
        </>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === "edit" ? t("risks.editTitle") : t("risks.addTitle")}
        size="lg"
        fullScreen={phone}
      >
        {editing && (
          <RiskForm
            key={editing.mode === "edit" ? editing.risk.id : "new"}
            initial={editing.mode === "edit" ? riskToForm(editing.risk) : emptyRiskForm()}
            taxonomies={tax}
            submitLabel={editing.mode === "edit" ? t("risks.saveChanges") : t("risks.create")}
            pending={save.isPending}
            error={save.error}
            onSubmit={(body) => save.mutate(body)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
      <RiskHistoryDrawer risk={historyOf} onClose={() => setHistoryOf(null)} />
    </Stack>
  );
}
