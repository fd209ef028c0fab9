import { ASSESSMENT_KINDS, type AssessmentKind } from "@concordia/core";
import { Alert, Badge, Button, Card, EmptyState, Group, NativeSelect, Progress, Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../app/api";
import { useFormat } from "../../../app/format";
import { AnchorLink } from "../../../app/links";
import { ProblemAlert } from "../../../app/problem";
import { TableSkeleton } from "../../../app/TableSkeleton";
import { registryKeys } from "../queries";
import { formatScore, percent } from "./assessment";
import { isForbidden, useRefreshRegistry } from "./queries";

/** A system's questionnaire assessments with progress and score; start a new one. */
export function AssessmentsPanel({ systemId, canEdit }: { systemId: string; canEdit: boolean }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const call = useApi();
  const navigate = useNavigate();
  const refresh = useRefreshRegistry();
  const [kind, setKind] = useState<AssessmentKind>("nist-ai-rmf");
  const list = useQuery({
    queryKey: registryKeys.assessments(systemId),
    queryFn: () => call("listAssessments", { params: { id: systemId } }),
  });
  const start = useMutation({
    mutationFn: () => call("createAssessment", { params: { id: systemId }, body: { kind } }),
    onSuccess: (a) => {
      void refresh();
      void navigate({ to: "/registry/assessments/$assessmentId", params: { assessmentId: a.id } });
    },
  });

  if (list.isPending) return <TableSkeleton rows={3} />;
  if (isForbidden(list.error)) {
    return (
      <Alert color="gray" title={t("assessments.forbiddenTitle")} data-testid="assessments-forbidden">
        {t("assessments.forbidden")}
      </Alert>
    );
  }
  if (list.error) return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Stack gap="md" component="section" aria-label={t("assessments.heading")} data-testid="assessments">
      {canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate();
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t("assessments.kind")}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as AssessmentKind)}
              data={ASSESSMENT_KINDS.map((k) => ({ value: k, label: t(`assessmentKinds.${k}`) }))}
              description={t(`assessmentKindHints.${kind}`)}
              style={{ flex: "1 1 18rem", maxWidth: "32rem" }}
              data-testid="assessment-kind"
            />
            <Button type="submit" loading={start.isPending} data-testid="start-assessment">
              {t("assessments.start")}
            </Button>
          </Group>
          <ProblemAlert error={start.error} />
        </form>
      )}
      {list.data.items.length === 0 ? (
        <EmptyState title={t("assessments.emptyTitle")} description={t("assessments.empty")} />
      ) : (
        list.data.items.map((a) => {
          const pct = percent(a.score.answered, a.score.total);
          return (
            <Card key={a.id} withBorder padding="md" data-testid="assessment-card">
              <Stack gap={6}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <AnchorLink to="/registry/assessments/$assessmentId" params={{ assessmentId: a.id }} fw={600}>
                    {a.title}
                  </AnchorLink>
                  <Group gap={6}>
                    <Badge variant="light">{t(`assessmentKinds.${a.kind}`)}</Badge>
                    <Badge variant="outline" color={a.status === "completed" ? "green" : "blue"}>
                      {t(`assessmentStatus.${a.status}`)}
                    </Badge>
                  </Group>
                </Group>
                <Progress
                  value={pct}
                  aria-label={t("assessments.progressLabel", { title: a.title })}
                  aria-valuetext={t("assessments.progress", {
                    answered: f.number(a.score.answered),
                    total: f.number(a.score.total),
                  })}
                />
                <Group gap="md" wrap="wrap">
                  <Text size="sm">
                    {t("assessments.progress", {
                      answered: f.number(a.score.answered),
                      total: f.number(a.score.total),
                    })}
                  </Text>
                  <Text size="sm" fw={600}>
                    {a.score.score === null
                      ? t("assessments.noScore")
                      : t("assessments.score", { score: formatScore(a.score.score, f.lang) })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.completedAt
                      ? t("assessments.completedAt", { date: f.dateTime(a.completedAt) })
                      : t("assessments.startedAt", { date: f.dateTime(a.createdAt) })}
                  </Text>
                </Group>
              </Stack>
            </Card>
          );
        })
      )}
    </Stack>
  );
}
