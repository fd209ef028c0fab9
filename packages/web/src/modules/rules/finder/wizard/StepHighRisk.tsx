import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BooleanQuestions, QuestionGroup } from "./Questions";
import type { StepProps } from "./stepProps";

/** Step 4: product safety components (EU AI Act Art. 6(1)) and the Art. 6(3) derogation. */
export function StepHighRisk(props: StepProps) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return (
    <>
      <QuestionGroup title={t("steps.safetyGroup")}>
        <BooleanQuestions
          facts={["safetyComponent.annexIProduct", "safetyComponent.thirdPartyConformityAssessment"]}
          {...props}
        />
      </QuestionGroup>
      <QuestionGroup title={t("steps.derogationGroup")}>
        <Text size="sm">{t("steps.derogationIntro")}</Text>
        <BooleanQuestions
          facts={[
            "derogation.narrowProceduralTask",
            "derogation.improvesHumanActivity",
            "derogation.detectsPatternsWithoutReplacingReview",
            "derogation.preparatoryTask",
          ]}
          {...props}
        />
      </QuestionGroup>
    </>
  );
}
