import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ListMode } from "../profileForm";

/** Not answered (unknown) / none (an empty list) / some of them (a complete list). */
export function ListModeControl({
  value,
  onChange,
  labelledBy,
}: {
  value: ListMode;
  onChange: (mode: ListMode) => void;
  labelledBy: string;
}) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  return (
    <SegmentedControl
      aria-labelledby={labelledBy}
      value={value}
      onChange={(v) => onChange(v as ListMode)}
      data={[
        { value: "unknown", label: t("list.unknown") },
        { value: "none", label: t("list.none") },
        { value: "some", label: t("list.some") },
      ]}
      style={{ alignSelf: "flex-start", maxWidth: "100%" }}
    />
  );
}
