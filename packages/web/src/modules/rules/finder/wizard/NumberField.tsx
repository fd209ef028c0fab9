import { Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../../app/format";
import { type NumberFact, numberProblem, parseNumber, scientific } from "../profileForm";

interface NumberFieldProps {
  fact: NumberFact;
  label: string;
  description: string;
  value: string;
  onChange: (text: string) => void;
  /** Unit shown after the value read back ("FLOP", "USD"). */
  unit?: string;
  /** Read the value back in scientific notation (training compute). */
  scientificReadback?: boolean;
}

/** A number typed freely ("1e25", "10^25", "1 000 000"), empty for "don't know", read back as understood. */
export function NumberField({ fact, label, description, value, onChange, unit, scientificReadback }: NumberFieldProps) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  const problem = numberProblem(fact, value);
  const n = parseNumber(value);
  const readBack =
    problem === null && n !== null
      ? t("numbers.understood", {
          value: `${scientificReadback ? scientific(n) : f.number(n)}${unit ? ` ${unit}` : ""}`,
        })
      : t("numbers.emptyIsUnknown");
  return (
    <TextInput
      id={`fact-${fact}`}
      label={label}
      description={
        <>
          {description}{" "}
          <Text span inherit fw={600} data-testid={`readback-${fact}`}>
            {readBack}
          </Text>
        </>
      }
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={problem ? t(`numbers.${problem}`) : undefined}
      inputMode="decimal"
      autoComplete="off"
      dir="ltr"
      style={{ maxWidth: "36rem" }}
      data-testid={`number-${fact}`}
    />
  );
}
