import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { HOP_CHOICES } from "../obligationTypes";

/** How many crosswalk mappings an inferred relation may chain (1 = direct mappings only). */
export function MaxHopsSelect({ value, onChange }: { value: number; onChange: (hops: number) => void }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return (
    <NativeSelect
      label={t("hops.label")}
      description={t("hops.help")}
      value={String(value)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={HOP_CHOICES.map((h) => ({
        value: String(h),
        label: h === 1 ? t("hops.direct") : t("hops.upTo", { hops: h }),
      }))}
      data-testid="max-hops"
      style={{ maxWidth: "22rem" }}
    />
  );
}
