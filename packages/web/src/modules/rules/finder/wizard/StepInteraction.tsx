import { useTranslation } from "react-i18next";
import { BooleanQuestions, ListQuestion, QuestionGroup } from "./Questions";
import type { StepProps } from "./stepProps";

/** Step 3: generative output, interaction with people, decisions about them, and China's service rules. */
export function StepInteraction(props: StepProps) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return (
    <>
      <QuestionGroup title={t("steps.generativeGroup")}>
        <ListQuestion fact="generative.modalities" columns={3} {...props} />
        <BooleanQuestions facts={["generative.deepfakes", "generative.publicInterestText"]} {...props} />
      </QuestionGroup>
      <QuestionGroup title={t("steps.interactionGroup")}>
        <BooleanQuestions facts={["interactsWithPeople", "publicFacing", "consequentialDecision"]} {...props} />
      </QuestionGroup>
      <QuestionGroup title={t("steps.chinaGroup")}>
        <BooleanQuestions facts={["publicOpinionAttributes", "socialMobilization"]} {...props} />
      </QuestionGroup>
    </>
  );
}
