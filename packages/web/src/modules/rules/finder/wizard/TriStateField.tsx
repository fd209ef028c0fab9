import { SegmentedControl, Stack, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Tri } from "../profileForm";

interface TriStateFieldProps {
  label: string;
  description?: string;
  value: Tri;
  onChange: (value: Tri) => void;
  testId?: string;
}

/** A yes / no / don't know question; "don't know" leaves the fact out of the profile (unknown). */
export function TriStateField({ label, description, value, onChange, testId }: TriStateFieldProps) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const id = useId();
  return (
    <Stack gap={4} data-testid={testId}>
      <Text id={`${id}-label`} fw={500} size="sm">
        {label}
      </Text>
      {description && (
        <Text id={`${id}-help`} size="xs" c="dimmed">
          {description}
        </Text>
      )}
      <SegmentedControl
        aria-labelledby={`${id}-label`}
        aria-describedby={description ? `${id}-help` : undefined}
        value={value}
        onChange={(v) => onChange(v as Tri)}
        data={[
          { value: "yes", label: t("tri.yes") },
          { value: "no", label: t("tri.no") },
          { value: "unknown", label: t("tri.unknown") },
        ]}
        style={{ alignSelf: "flex-start", maxWidth: "100%" }}
      />
    </Stack>
  );
}
