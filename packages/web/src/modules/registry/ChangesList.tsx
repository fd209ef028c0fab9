import { List, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { ltr } from "../log/bits";
import type { ClassificationChange } from "./model";

type T = TFunction<"registry">;
type O = TFunction<"rules", "obligations">;

const APPLICABILITY = new Set(["applies", "may-apply", "does-not-apply"]);

/** A stored applicability ("applies") in words; other values as they are. */
function statusWord(to: O, value: string | null): string {
  if (value === null) return "—";
  return APPLICABILITY.has(value) ? to(`status.${value as "applies" | "may-apply" | "does-not-apply"}`) : value;
}

/** One change between two classifications, as a sentence. */
export function changeText(t: T, to: O, number: (n: number) => string, c: ClassificationChange): string {
  const instrument = c.shortTitle;
  switch (c.kind) {
    case "added":
      return t("changes.added", { instrument, status: statusWord(to, c.after) });
    case "removed":
      return t("changes.removed", { instrument });
    case "status":
      return t("changes.status", { instrument, before: statusWord(to, c.before), after: statusWord(to, c.after) });
    case "category":
      return t("changes.category", {
        instrument,
        before: c.before ?? t("changes.noCategory"),
        after: c.after ?? t("changes.noCategory"),
      });
    case "version":
      return t("changes.version", { instrument, before: ltr(c.before ?? "—"), after: ltr(c.after ?? "—") });
    case "obligations":
      return t("changes.obligations", {
        instrument,
        gained: number(c.gained?.length ?? 0),
        lost: number(c.lost?.length ?? 0),
      });
  }
}

/** What changed between two evaluations, one line per change. */
export function ChangesList({ changes, testId }: { changes: readonly ClassificationChange[]; testId?: string }) {
  const { t } = useTranslation("registry");
  const { t: to } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t("changes.none")}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={4} data-testid={testId}>
      {changes.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an instrument may change in several ways at once
        <List.Item key={`${c.instrumentId}-${c.kind}-${i}`} data-kind={c.kind}>
          {changeText(t, to, f.number, c)}
          {c.kind === "obligations" && (c.gained?.length || c.lost?.length) ? (
            <Text span size="xs" c="dimmed" dir="ltr">
              {" "}
              {[...(c.gained ?? []).map((g) => `+${g}`), ...(c.lost ?? []).map((l) => `−${l}`)].join(", ")}
            </Text>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}
