import { Accordion, Alert, Badge, Container, Group, Progress, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../app/api";
import { ConfirmButton } from "../../../app/ConfirmButton";
import { useFormat } from "../../../app/format";
import { AnchorLink } from "../../../app/links";
import { ProblemAlert } from "../../../app/problem";
import { RequireSignIn } from "../../../app/RequireSignIn";
import { useSession } from "../../../app/session";
import { usePageTitle } from "../../../app/usePageTitle";
import { registryKeys, useSystem } from "../queries";
import { type Assessment, allAnswered, answersById, formatScore, groupQuestions, percent } from "./assessment";
import { isolate } from "./bidi";
import { QuestionCard } from "./QuestionCard";
import { useRefreshRegistry } from "./queries";

const route = getRouteApi("/registry/assessments/$assessmentId");

/** /registry/assessments/$assessmentId: answer an assessment's questions, group by group, with evidence. */
export function AssessmentPage() {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  usePageTitle(t("assessment.pageTitle"));
  const { assessmentId } = route.useParams();
  return (
    <RequireSignIn>
      {() => (
        <Container size="lg" py="md">
          <AssessmentView assessmentId={assessmentId} />
        </Container>
      )}
    </RequireSignIn>
  );
}

function AssessmentView({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const call = useApi();
  const queryClient = useQueryClient();
  const refresh = useRefreshRegistry();
  const { isSecretariat, hasRole } = useSession();
  const key = useMemo(() => registryKeys.assessment(assessmentId), [assessmentId]);
  const assessment = useQuery({ queryKey: key, queryFn: () => call("getAssessment", { params: { assessmentId } }) });
  const system = useSystem(assessment.data?.systemId);
  const onSaved = useCallback(
    (view: Assessment) => {
      queryClient.setQueryData(key, view);
      void queryClient.invalidateQueries({ queryKey: registryKeys.assessments(view.systemId) });
    },
    [queryClient, key],
  );
  const complete = useMutation({
    mutationFn: () => call("completeAssessment", { params: { assessmentId } }),
    onSuccess: (view) => {
      queryClient.setQueryData(key, view);
      void refresh();
    },
  });
  const a = assessment.data;
  const groups = useMemo(() => (a ? groupQuestions(a) : []), [a]);
  const answers = useMemo(() => (a ? answersById(a) : new Map()), [a]);

  if (assessment.isPending) return <Skeleton height={320} role="status" aria-label={t("editor.loading")} />;
  if (assessment.error || !a)
    return <ProblemAlert error={assessment.error} onRetry={() => void assessment.refetch()} />;

  const providerId = system.data?.provider.id ?? null;
  const mayAnswer = !!providerId && (isSecretariat || hasRole("provider", providerId));
  const readOnly = a.status === "completed" || !mayAnswer;
  const pct = percent(a.score.answered, a.score.total);
  const progressText = t("assessments.progress", {
    answered: f.number(a.score.answered),
    total: f.number(a.score.total),
  });
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <AnchorLink to="/registry/systems/$id" params={{ id: a.systemId }} size="sm">
          {system.data?.document.name
            ? t("assessment.backNamed", { name: isolate(system.data.document.name) })
            : t("assessment.back")}
        </AnchorLink>
        <Group gap="sm" wrap="wrap">
          <Title order={1}>{a.title}</Title>
          <Badge variant="light">{t(`assessmentKinds.${a.kind}`)}</Badge>
          <Badge variant="outline" color={a.status === "completed" ? "green" : "blue"} data-testid="assessment-status">
            {t(`assessmentStatus.${a.status}`)}
          </Badge>
        </Group>
      </Stack>
      <Stack gap={6} data-testid="assessment-overall">
        <Progress value={pct} size="lg" aria-label={t("assessment.overall")} aria-valuetext={progressText} />
        <Group gap="md" wrap="wrap">
          <Text size="sm">{progressText}</Text>
          <Text size="sm" fw={700} data-testid="assessment-score">
            {a.score.score === null
              ? t("assessments.noScore")
              : t("assessments.score", { score: formatScore(a.score.score, f.lang) })}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t("assessment.scoring")}
        </Text>
      </Stack>
      {a.status === "completed" ? (
        <Alert color="green" title={t("assessment.completedTitle")} data-testid="assessment-completed">
          {t("assessment.completedNote", { date: a.completedAt ? f.dateTime(a.completedAt) : "" })}
        </Alert>
      ) : !mayAnswer && !system.isPending ? (
        <Alert color="gray" title={t("assessment.readOnlyTitle")}>
          {t("assessment.readOnly")}
        </Alert>
      ) : null}
      <Accordion multiple defaultValue={groups.slice(0, 1).map((g) => g.group)} variant="separated" order={2}>
        {groups.map((g) => (
          <Accordion.Item key={g.group} value={g.group} data-testid="question-group">
            <Accordion.Control>
              <Stack gap={4}>
                <Group gap="sm" wrap="wrap" justify="space-between">
                  <Text fw={600}>{g.group}</Text>
                  <Text size="sm" c="dimmed">
                    {t("assessments.progress", { answered: f.number(g.answered), total: f.number(g.total) })}
                    {g.score !== null && ` · ${t("assessments.score", { score: formatScore(g.score, f.lang) })}`}
                  </Text>
                </Group>
                <Progress value={percent(g.answered, g.total)} size="sm" aria-hidden />
              </Stack>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {g.questions.map((q) => (
                  <QuestionCard
                    key={q.id}
                    assessmentId={a.id}
                    organizationId={providerId}
                    question={q}
                    stored={answers.get(q.id)}
                    readOnly={readOnly}
                    onSaved={onSaved}
                  />
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {!readOnly && (
        <Stack gap="xs" align="flex-start">
          <ProblemAlert error={complete.error} />
          <ConfirmButton
            color="green"
            variant="filled"
            size="sm"
            disabled={!allAnswered(a)}
            question={t("assessment.completeQuestion")}
            confirmLabel={t("assessment.complete")}
            onConfirm={() => complete.mutate()}
            loading={complete.isPending}
            data-testid="complete-assessment"
          >
            {t("assessment.complete")}
          </ConfirmButton>
          {!allAnswered(a) && (
            <Text size="xs" c="dimmed">
              {t("assessment.completeWhen")}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
