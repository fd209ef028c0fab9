import { useTranslation } from "react-i18next";
import { BooleanQuestions, NumberQuestion, QuestionGroup } from "./Questions";
import type { StepProps } from "./stepProps";

/** Step 5: general-purpose model facts, the organization's size, and exclusions from scope. */
export function StepGpai(props: StepProps) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return (
    <>
      <QuestionGroup title={t("steps.gpaiGroup")}>
        <BooleanQuestions facts={["gpai.isGeneralPurposeModel"]} {...props} />
        <NumberQuestion fact="gpai.trainingComputeFlop" {...props} />
        <BooleanQuestions facts={["gpai.openWeights"]} {...props} />
        <NumberQuestion fact="gpai.users" {...props} />
        <BooleanQuestions facts={["gpai.designatedSystemicRisk"]} {...props} />
      </QuestionGroup>
      <QuestionGroup title={t("steps.organizationGroup")}>
        <NumberQuestion fact="organization.employees" {...props} />
        <NumberQuestion fact="organization.annualRevenueUsd" {...props} />
      </QuestionGroup>
      <QuestionGroup title={t("steps.exclusionsGroup")}>
        <BooleanQuestions
          facts={[
            "exclusions.militaryDefenceNationalSecurity",
            "exclusions.scientificResearchOnly",
            "exclusions.personalNonProfessional",
          ]}
          {...props}
        />
      </QuestionGroup>
    </>
  );
}
