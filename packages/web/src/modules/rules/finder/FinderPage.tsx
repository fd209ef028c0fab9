import { Alert, Button, Container, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../app/links";
import { usePageTitle } from "../../../app/usePageTitle";
import { numberProblem } from "./profileForm";
import { ResultsPanel } from "./results/ResultsPanel";
import { ProfileActions } from "./wizard/ProfileActions";
import { StepGpai } from "./wizard/StepGpai";
import { StepHighRisk } from "./wizard/StepHighRisk";
import { StepIndicator } from "./wizard/StepIndicator";
import { StepInteraction } from "./wizard/StepInteraction";
import { StepPlaces } from "./wizard/StepPlaces";
import { StepPurposes } from "./wizard/StepPurposes";
import type { StepProps } from "./wizard/stepProps";
import { RESULTS_STEP, STEP_NUMBERS, STEPS } from "./wizard/steps";
import { useFinderState } from "./wizard/useFinderState";

const STEP_COMPONENTS: ((props: StepProps) => ReactNode)[] = [
  StepPlaces,
  StepPurposes,
  StepInteraction,
  StepHighRisk,
  StepGpai,
];

/** The shareable address of a profile's results. */
function shareUrl(encoded: string | undefined, asOf: string | undefined): string {
  const url = new URL("/obligations", window.location.origin);
  if (encoded) url.searchParams.set("p", encoded);
  if (asOf) url.searchParams.set("asOf", asOf);
  url.searchParams.set("step", String(RESULTS_STEP));
  return url.toString();
}

/**
 * The obligation finder: a wizard of facts about an AI system (each can be left unknown), then
 * what every instrument in the rules data says about it. Answers live in the URL.
 */
export function FinderPage() {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  usePageTitle(t("finder.title"));
  const state = useFinderState();
  const { form, update, profile, encoded, step, goTo, asOf } = state;
  const id = STEPS[step] ?? STEPS[0];
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  const [blocked, setBlocked] = useState(false);

  // Moving between steps puts the keyboard and screen reader at the new step's heading.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    heading.current?.focus();
    setBlocked(false);
  }, [step]);

  const move = (next: number) => {
    const invalid =
      next > step ? (STEP_NUMBERS[id] ?? []).find((f) => numberProblem(f, form.numbers[f]) !== null) : undefined;
    if (invalid) {
      setBlocked(true);
      document.getElementById(`fact-${invalid}`)?.focus();
      return;
    }
    goTo(next);
  };

  const Step = STEP_COMPONENTS[step];
  return (
    <Container size="lg" py="md">
      <Stack gap="lg">
        <Stack gap="xs" maw={820}>
          <Title order={1}>{t("finder.title")}</Title>
          <Text>{t("finder.intro")}</Text>
          <Text size="sm" c="dimmed">
            {t("finder.threeValued")}
          </Text>
          <Group gap="md">
            <AnchorLink to="/crosswalks" search={{}} size="sm">
              {t("crosswalks.title")}
            </AnchorLink>
            <AnchorLink to="/gap" search={{}} size="sm">
              {t("gap.title")}
            </AnchorLink>
          </Group>
        </Stack>

        {state.decodeError && (
          <Alert color="orange" title={t("finder.badLinkTitle")} data-testid="bad-link">
            {t("finder.badLinkBody")}
          </Alert>
        )}

        <StepIndicator step={step} onSelect={move} />

        <Paper withBorder p={{ base: "sm", sm: "lg" }} radius="md" component="section" aria-labelledby="step-heading">
          <Stack gap="lg">
            <Title order={2} id="step-heading" ref={heading} tabIndex={-1} data-testid="step-heading">
              {t(`steps.${id}`)}
            </Title>
            {step < RESULTS_STEP && (
              <Text size="sm" c="dimmed">
                {t(`stepIntro.${id as Exclude<typeof id, "results">}`)}
              </Text>
            )}
            {Step ? (
              <Step form={form} onChange={update} />
            ) : (
              <ResultsPanel
                profile={profile}
                asOf={asOf}
                rawAsOf={state.rawAsOf}
                onAsOf={state.setAsOf}
                onEdit={goTo}
              />
            )}
            {blocked && (
              <Alert color="red" role="alert">
                {t("wizard.fixNumbers")}
              </Alert>
            )}
            <Group justify="space-between" gap="sm">
              <Button variant="default" onClick={() => move(step - 1)} disabled={step === 0} data-testid="wizard-back">
                {t("wizard.back")}
              </Button>
              {step < RESULTS_STEP && (
                <Button onClick={() => move(step + 1)} data-testid="wizard-next">
                  {step === RESULTS_STEP - 1 ? t("wizard.showResults") : t("wizard.next")}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>

        <section aria-labelledby="profile-heading">
          <Title order={2} size="h4" id="profile-heading" mb="xs">
            {t("profile.title")}
          </Title>
          <ProfileActions
            profile={profile}
            shareUrl={shareUrl(encoded, asOf)}
            onImport={(p) => state.load(p, RESULTS_STEP)}
          />
        </section>
      </Stack>
    </Container>
  );
}
