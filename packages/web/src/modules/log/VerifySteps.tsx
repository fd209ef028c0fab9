import type { ReceiptOutcome } from "@concordia/core";
import { Alert, Badge, Card, Code, Group, List, Stack, Text, ThemeIcon, Title, VisuallyHidden } from "@mantine/core";
import type { TOptions } from "i18next";
import { forwardRef } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { ltr } from "./bits";
import type { StepId, StepResult, StepStatus, TechnicalError, Verification } from "./verifyReceipt";

const COLORS: Record<StepStatus, string> = { pass: "green", fail: "red", skip: "gray" };
const MARKS: Record<StepStatus, string> = { pass: "✓", fail: "✗", skip: "–" };

/** A pass / fail / not-checked mark, with its meaning spelled out for screen readers. */
export function StatusMark({ status }: { status: StepStatus }) {
  const { t } = useTranslation();
  return (
    <>
      <ThemeIcon color={COLORS[status]} variant={status === "skip" ? "light" : "filled"} radius="xl" aria-hidden>
        <span style={{ fontWeight: 800 }}>{MARKS[status]}</span>
      </ThemeIcon>
      <VisuallyHidden>{t(`log.verify.status.${status}`)}</VisuallyHidden>
    </>
  );
}

/** The library's own error code and message: precise, in English, for whoever needs to dig. */
export function TechnicalDetail({ error }: { error: TechnicalError }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t("log.verify.technical")}{" "}
      <Code dir="ltr" data-testid="error-code">
        {error.code}
      </Code>
      {error.message && (
        <>
          {" "}
          <bdi dir="ltr">{error.message}</bdi>
        </>
      )}
    </Text>
  );
}

/** `log.verify.steps.<step>.<outcome>`: one wording for each of core's outcome codes. */
type MessageKey = { [S in StepId]: `log.verify.steps.${S}.${ReceiptOutcome<S>}` }[StepId];
const messageKey = (step: StepResult) => `log.verify.steps.${step.step}.${step.outcome}` as MessageKey;

/**
 * The step's data as translation values: numbers in the current language's
 * digits and separators; hashes, keys and names as they are, isolated left to
 * right. Lists of field problems are shown apart.
 */
function useValues(data: StepResult["data"]): TOptions {
  const f = useFormat();
  return Object.fromEntries(
    Object.entries(data as Record<string, unknown>).flatMap(([k, v]) => {
      if (typeof v === "number") return [[k, f.number(v)]];
      if (typeof v === "string") return [[k, ltr(v)]];
      if (v === null) return [[k, "—"]];
      if (Array.isArray(v) && v.every((x) => typeof x === "string")) return [[k, ltr(v.join(", "))]];
      return [];
    }),
  );
}

function Step({ step, number, content }: { step: StepResult; number: number; content?: Verification["content"] }) {
  const { t } = useTranslation();
  const values = useValues(step.data);
  const issues = step.step === "wellFormed" && step.outcome === "badFields" ? step.data.issues : [];
  return (
    <Card
      component="li"
      withBorder
      padding="md"
      data-testid="verify-step"
      data-step={step.step}
      data-status={step.status}
      style={{ borderColor: `var(--mantine-color-${COLORS[step.status]}-${step.status === "skip" ? 3 : 6})` }}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <StatusMark status={step.status} />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Title order={3} size="h5">
            {t("log.verify.stepNumber", { n: number })} · {t(`log.verify.steps.${step.step}.title`)}
          </Title>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {t(messageKey(step), values)}
          </Text>
          {issues.length > 0 && (
            <List size="sm">
              {issues.map((issue) => (
                <List.Item key={issue.path}>
                  <Code dir="ltr">{issue.path}</Code>: {t(`log.verify.fieldProblem.${issue.problem}`)}
                </List.Item>
              ))}
            </List>
          )}
          {step.error && <TechnicalDetail error={step.error} />}
          {step.step === "content" && content && (
            <div>
              {step.status !== "pass" && (
                <Badge color="red" variant="light" mb={6}>
                  {t("log.verify.notProven")}
                </Badge>
              )}
              <pre className="preformatted log-record" dir="ltr" data-testid="verified-record">
                {content.text}
              </pre>
            </div>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

/** The overall verdict, then each step with its mark and an explanation in plain words. */
export const VerifySteps = forwardRef<HTMLDivElement, { verification: Verification }>(function VerifySteps(
  { verification },
  ref,
) {
  const { t } = useTranslation();
  const f = useFormat();
  const { steps, receipt, status } = verification;
  const failed = steps.findIndex((s) => s.status === "fail");
  const failedStep = steps[failed];
  return (
    <Stack gap="md">
      <Alert
        ref={ref}
        tabIndex={-1}
        color={status === "pass" ? "green" : "red"}
        variant={status === "pass" ? "light" : "filled"}
        title={t(`log.verify.result.${status}Title`)}
        data-testid="verify-result"
        data-status={status}
        role={status === "pass" ? "status" : "alert"}
      >
        {status === "pass" && receipt
          ? t("log.verify.result.passBody", {
              index: f.number(receipt.index),
              type: ltr(receipt.recordType),
              origin: ltr(receipt.origin),
            })
          : failedStep
            ? t("log.verify.result.failBody", {
                step: f.number(failed + 1),
                title: t(`log.verify.steps.${failedStep.step}.title`),
              })
            : t("log.verify.result.failGeneric")}
      </Alert>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("log.verify.stepsLabel")}>
        {steps.map((s, i) => (
          <Step key={s.step} step={s} number={i + 1} content={verification.content} />
        ))}
      </Stack>
    </Stack>
  );
});
