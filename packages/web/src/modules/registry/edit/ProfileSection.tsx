import { Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import {
  type BooleanFact,
  type ListFact,
  type NumberFact,
  numberProblem,
  PLACE_FACTS,
  type ProfileForm,
} from "../../rules/finder/profileForm";
import { PlacesField } from "../../rules/finder/wizard/PlacesField";
import { BooleanQuestions, ListQuestion, NumberQuestion } from "../../rules/finder/wizard/Questions";
import type { StepProps } from "../../rules/finder/wizard/stepProps";
import { setList } from "../../rules/finder/wizard/stepProps";
import { useJurisdictionOptions } from "../../rules/finder/wizard/useJurisdictionOptions";
import { GroupError } from "./FieldErrors";
import type { SectionProps } from "./sectionProps";

/** One profile question and, under it, any error the server gave for that fact. */
function Fact({ fact, children, shownByField }: { fact: string; children: ReactNode; shownByField?: boolean }) {
  const id = useId();
  return (
    <Stack gap={4}>
      {children}
      {!shownByField && <GroupError id={id} path={`profile.${fact}`} />}
    </Stack>
  );
}

function Group({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Stack gap="md" component="section">
      <Title order={3} size="h4">
        {title}
      </Title>
      {intro && <Text size="sm">{intro}</Text>}
      {children}
    </Stack>
  );
}

const lists = (facts: ListFact[], p: StepProps, columns = 2) =>
  facts.map((fact) => (
    <Fact key={fact} fact={fact}>
      <ListQuestion fact={fact} columns={columns} {...p} />
    </Fact>
  ));
const booleans = (facts: BooleanFact[], p: StepProps) =>
  facts.map((fact) => (
    <Fact key={fact} fact={fact}>
      <BooleanQuestions facts={[fact]} {...p} />
    </Fact>
  ));
// A number field says itself what is wrong with what was typed.
const numbers = (facts: NumberFact[], p: StepProps) =>
  facts.map((fact) => (
    <Fact key={fact} fact={fact} shownByField={numberProblem(fact, p.form.numbers[fact]) !== null}>
      <NumberQuestion fact={fact} {...p} />
    </Fact>
  ));

/**
 * The system profile the rules engine classifies: the obligation finder's questions (each fact may
 * stay unknown: yes / no / don't know), without the finder's name question (the system's name is used).
 */
export function ProfileSection({ form, update }: SectionProps) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const { t: to } = useTranslation("rules", { keyPrefix: "obligations" });
  const options = useJurisdictionOptions();
  const p: StepProps = {
    form: form.profile,
    onChange: (change: (f: ProfileForm) => ProfileForm) => update((x) => ({ ...x, profile: change(x.profile) })),
  };
  return (
    <Stack gap="xl">
      <Text size="sm">{t("profile.intro")}</Text>
      <Group title={t("profile.rolesPlaces")}>
        {lists(["roles"], p)}
        {PLACE_FACTS.map((fact) => (
          <Fact key={fact} fact={fact}>
            <PlacesField
              legend={to(`questions.${fact}`)}
              description={to(`help.${fact}`)}
              options={options}
              answer={p.form.lists[fact]}
              onChange={(answer) => p.onChange(setList(fact, answer))}
              testId={`fact-${fact}`}
            />
          </Fact>
        ))}
      </Group>
      <Group title={t("profile.purposes")}>
        {lists(["purposes", "functions"], p)}
        {lists(["contexts"], p, 1)}
      </Group>
      <Group title={t("profile.generative")}>
        {lists(["generative.modalities"], p, 3)}
        {booleans(["generative.deepfakes", "generative.publicInterestText"], p)}
      </Group>
      <Group title={t("profile.interaction")}>
        {booleans(["interactsWithPeople", "publicFacing", "consequentialDecision"], p)}
        {booleans(["publicOpinionAttributes", "socialMobilization"], p)}
      </Group>
      <Group title={t("profile.safety")}>
        {booleans(["safetyComponent.annexIProduct", "safetyComponent.thirdPartyConformityAssessment"], p)}
      </Group>
      <Group title={t("profile.derogation")} intro={t("profile.derogationIntro")}>
        {booleans(
          [
            "derogation.narrowProceduralTask",
            "derogation.improvesHumanActivity",
            "derogation.detectsPatternsWithoutReplacingReview",
            "derogation.preparatoryTask",
          ],
          p,
        )}
      </Group>
      <Group title={t("profile.gpai")}>
        {booleans(["gpai.isGeneralPurposeModel"], p)}
        {numbers(["gpai.trainingComputeFlop"], p)}
        {booleans(["gpai.openWeights"], p)}
        {numbers(["gpai.users"], p)}
        {booleans(["gpai.designatedSystemicRisk"], p)}
      </Group>
      <Group title={t("profile.organization")}>
        {numbers(["organization.employees", "organization.annualRevenueUsd"], p)}
      </Group>
      <Group title={t("profile.exclusions")}>
        {booleans(
          [
            "exclusions.militaryDefenceNationalSecurity",
            "exclusions.scientificResearchOnly",
            "exclusions.personalNonProfessional",
          ],
          p,
        )}
      </Group>
    </Stack>
  );
}
