import { ActionIcon, Group, Select, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useJurisdictionName } from "../../../app/components/useJurisdictionName";
import { ProblemAlert } from "../../../app/problem";
import { MaxHopsSelect } from "../crosswalks/MaxHopsSelect";
import { useInstrumentOptions } from "../obligationQueries";

export interface GapChoice {
  covering?: string;
  target?: string;
  maxHops: number;
}

/** Choose the instrument complied with (A), the one to check (B), and how far to infer. */
export function GapPicker({ value, onChange }: { value: GapChoice; onChange: (choice: GapChoice) => void }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const name = useJurisdictionName();
  const instruments = useInstrumentOptions();
  if (instruments.error) return <ProblemAlert error={instruments.error} onRetry={() => void instruments.refetch()} />;
  const data = (instruments.data?.items ?? [])
    .map((i) => ({ value: i.id, label: `${i.shortTitle} — ${name(i.jurisdiction)}` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const common = {
    data,
    searchable: true,
    clearable: true,
    nothingFoundMessage: t("gap.nothingFound"),
    placeholder: instruments.isPending ? t("loading") : t("gap.choose"),
    disabled: instruments.isPending,
    style: { flex: "1 1 18rem" },
  };
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        {...common}
        label={t("gap.covering")}
        description={t("gap.coveringHelp")}
        value={value.covering ?? null}
        onChange={(v) => onChange({ ...value, covering: v ?? undefined })}
        data-testid="gap-covering"
      />
      <Tooltip label={t("gap.swap")}>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t("gap.swap")}
          onClick={() => onChange({ ...value, covering: value.target, target: value.covering })}
          mb={2}
        >
          <span aria-hidden>⇄</span>
        </ActionIcon>
      </Tooltip>
      <Select
        {...common}
        label={t("gap.target")}
        description={t("gap.targetHelp")}
        value={value.target ?? null}
        onChange={(v) => onChange({ ...value, target: v ?? undefined })}
        data-testid="gap-target"
      />
      <MaxHopsSelect value={value.maxHops} onChange={(maxHops) => onChange({ ...value, maxHops })} />
    </Group>
  );
}
