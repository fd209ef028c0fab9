import { INSTRUMENT_KINDS, INSTRUMENT_STATUSES, type InstrumentKind, type InstrumentStatus } from "@concordia/core";
import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * A field value of a diff, readable: a kind or status by its name, text as text, a list of words as a
 * list, anything else as JSON.
 */
export function ValueView({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation("rules");
  if (field === "kind" && (INSTRUMENT_KINDS as readonly unknown[]).includes(value)) {
    return <p className="rules-value">{t(`kind.${value as InstrumentKind}`)}</p>;
  }
  if (field === "status" && (INSTRUMENT_STATUSES as readonly unknown[]).includes(value)) {
    return <p className="rules-value">{t(`status.${value as InstrumentStatus}`)}</p>;
  }
  if (value === null || value === undefined) {
    return (
      <Text span c="dimmed" fs="italic">
        {t("diff.absent")}
      </Text>
    );
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return <p className="rules-value">{String(value)}</p>;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    return (
      <List size="sm">
        {value.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items may repeat and have no identity
          <List.Item key={i}>{v}</List.Item>
        ))}
      </List>
    );
  }
  return (
    <pre className="preformatted rules-value" dir="ltr">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
