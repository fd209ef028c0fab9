import { Group, Text, UnstyledButton } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../../app/format";
import { STEPS } from "./steps";

/**
 * Where the wizard is: a list of the steps, each a button to go there. On a phone only the
 * numbers are shown, with the current step's name written out below.
 */
export function StepIndicator({ step, onSelect }: { step: number; onSelect: (step: number) => void }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  const narrow = useMediaQuery("(max-width: 48em)");
  const current = STEPS[step] ?? STEPS[0];
  return (
    <nav aria-label={t("wizard.stepsLabel")} data-testid="step-indicator">
      <Group component="ol" gap={narrow ? 6 : "xs"} wrap="wrap" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {STEPS.map((id, i) => {
          const active = i === step;
          const done = i < step;
          return (
            <li key={id}>
              <UnstyledButton
                onClick={() => onSelect(i)}
                aria-current={active ? "step" : undefined}
                aria-label={
                  narrow
                    ? t("wizard.stepOf", { n: f.number(i + 1), total: f.number(STEPS.length), name: t(`steps.${id}`) })
                    : undefined
                }
                data-testid={`step-${id}`}
                style={{
                  display: "flex",
                  alignItems: "center",
                  gap: 8,
                  padding: "6px 10px",
                  borderRadius: "var(--mantine-radius-xl)",
                  border: "1px solid",
                  borderColor: active ? "var(--mantine-color-blue-9)" : "var(--mantine-color-gray-4)",
                  background: active
                    ? "var(--mantine-color-blue-9)"
                    : done
                      ? "var(--mantine-color-blue-0)"
                      : "transparent",
                  color: active ? "#fff" : "var(--mantine-color-gray-9)",
                  fontWeight: active ? 700 : 500,
                }}
              >
                <span aria-hidden={narrow ? true : undefined}>{f.number(i + 1)}</span>
                {!narrow && <span>{t(`steps.${id}`)}</span>}
              </UnstyledButton>
            </li>
          );
        })}
      </Group>
      {narrow && (
        <Text size="sm" mt={6} fw={600} aria-hidden>
          {t("wizard.stepOf", { n: f.number(step + 1), total: f.number(STEPS.length), name: t(`steps.${current}`) })}
        </Text>
      )}
    </nav>
  );
}
