import { ADDRESSEES, type Addressee, type InstrumentKind, type InstrumentStatus } from "@concordia/core";
import { Badge, Group } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

/** Long labels (risk categories) wrap on narrow screens instead of overflowing. */
const WRAP = { root: { height: "auto", maxWidth: "100%" }, label: { whiteSpace: "normal" as const } };

const STATUS_COLORS: Record<InstrumentStatus, string> = {
  "in-force": "green",
  "partially-applicable": "cyan",
  "adopted-not-in-force": "blue",
  "open-for-signature": "violet",
  proposed: "pink",
  superseded: "gray",
  repealed: "gray",
};

export function KindBadge({ kind }: { kind: InstrumentKind }) {
  const { t } = useTranslation("rules");
  return (
    <Badge variant="outline" color="gray" data-testid="kind-badge">
      {t(`kind.${kind}`)}
    </Badge>
  );
}

export function InstrumentStatusBadge({ status }: { status: InstrumentStatus }) {
  const { t } = useTranslation("rules");
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} data-testid="status-badge">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function BindingBadge({ binding }: { binding: boolean }) {
  const { t } = useTranslation("rules");
  return (
    <Badge variant="filled" color={binding ? "indigo" : "gray"} data-testid="binding-badge">
      {binding ? t("badge.binding") : t("badge.voluntary")}
    </Badge>
  );
}

/** Marks a fact that reviewers flagged as not certain; `title` carries their note. */
export function VerifyBadge({ note, count }: { note?: string | null; count?: string }) {
  const { t } = useTranslation("rules");
  return (
    <Badge variant="light" color="orange" title={note ?? undefined} data-testid="verify-badge">
      {count === undefined ? t("badge.verify") : t("badge.verifyCount", { n: count })}
    </Badge>
  );
}

/** A risk category, by its label in the instrument when known, else by its id. */
export function CategoryBadge({ category, label }: { category: string; label?: string }) {
  const { t } = useTranslation("rules");
  return (
    <Badge
      variant="light"
      color="grape"
      tt="none"
      title={t("requirement.category")}
      data-category={category}
      styles={WRAP}
    >
      <bdi>{label ?? category}</bdi>
    </Badge>
  );
}

export function AddresseeBadges({ addressees }: { addressees: readonly string[] }) {
  const { t } = useTranslation("rules");
  if (addressees.length === 0) return null;
  return (
    <Group gap={4} component="span" aria-label={t("requirement.addressees")}>
      {addressees.map((a) => (
        <Badge key={a} variant="dot" color="blue" tt="none" size="sm">
          {addresseeLabel(t, a)}
        </Badge>
      ))}
    </Group>
  );
}

/** The translated name of an addressee (unknown values are shown as they are). */
export function addresseeLabel(t: TFunction<"rules">, value: string): string {
  return (ADDRESSEES as readonly string[]).includes(value) ? t(`addressee.${value as Addressee}`) : value;
}
