import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PLACE_FACTS } from "../profileForm";
import { PlacesField } from "./PlacesField";
import { ListQuestion, QuestionGroup } from "./Questions";
import { type StepProps, setList } from "./stepProps";
import { useJurisdictionOptions } from "./useJurisdictionOptions";

/** Step 1: the system's name, the organization's roles, and where things happen. */
export function StepPlaces({ form, onChange }: StepProps) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const options = useJurisdictionOptions();
  return (
    <>
      <TextInput
        label={t("questions.name")}
        description={t("help.name")}
        value={form.name}
        onChange={(e) => {
          const name = e.currentTarget.value;
          onChange((f) => ({ ...f, name }));
        }}
        maxLength={300}
        style={{ maxWidth: "32rem" }}
      />
      <ListQuestion fact="roles" form={form} onChange={onChange} />
      <QuestionGroup title={t("steps.placesGroup")}>
        {PLACE_FACTS.map((fact) => (
          <PlacesField
            key={fact}
            legend={t(`questions.${fact}`)}
            description={t(`help.${fact}`)}
            options={options}
            answer={form.lists[fact]}
            onChange={(answer) => onChange(setList(fact, answer))}
            testId={`fact-${fact}`}
          />
        ))}
      </QuestionGroup>
    </>
  );
}
