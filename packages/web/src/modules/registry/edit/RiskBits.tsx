import type { RiskLevel } from "@concordia/core";
import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../app/format";
import { LEVEL_COLORS, levelOf, SCALE } from "./risks";

/** A risk level as a coloured badge with its name (never colour alone). */
export function LevelBadge({ level }: { level: RiskLevel }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  return (
    <Badge color={LEVEL_COLORS[level]} variant="light" data-level={level}>
      {t(`levels.${level}`)}
    </Badge>
  );
}

/** A 5 × 5 thumbnail of the matrix with the risk's cell marked (decorative: the text says the same). */
function HeatThumb({ likelihood, impact }: { likelihood: number; impact: number }) {
  return (
    <div
      aria-hidden
      style={{ display: "grid", gridTemplateColumns: "repeat(5, 7px)", gap: 1, direction: "ltr", flexShrink: 0 }}
    >
      {[...SCALE].reverse().map((i) =>
        SCALE.map((l) => {
          const mine = l === likelihood && i === impact;
          const color = LEVEL_COLORS[levelOf(l, i)];
          return (
            <span
              key={`${i}-${l}`}
              style={{
                width: 7,
                height: 7,
                borderRadius: 1,
                background: `var(--mantine-color-${color}-${mine ? 8 : 2})`,
                outline: mine ? "1px solid var(--mantine-color-dark-9)" : undefined,
              }}
            />
          );
        }),
      )}
    </div>
  );
}

/** "4 × 3 = 12" with the thumbnail and the level. */
export function Rating({ likelihood, impact }: { likelihood: number; impact: number }) {
  const { t } = useTranslation("registry", { keyPrefix: "edit" });
  const f = useFormat();
  const level = levelOf(likelihood, impact);
  return (
    <Group gap={8} wrap="nowrap">
      <HeatThumb likelihood={likelihood} impact={impact} />
      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
        {t("risks.rating", { l: f.number(likelihood), i: f.number(impact), score: f.number(likelihood * impact) })}
      </Text>
      <LevelBadge level={level} />
    </Group>
  );
}

/** A date-only value (YYYY-MM-DD) in the reader's conventions, without a time-zone shift. */
export function useDateOnly() {
  const { lang } = useFormat();
  const format = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
  return (iso: string) => {
    const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : format.format(d);
  };
}
