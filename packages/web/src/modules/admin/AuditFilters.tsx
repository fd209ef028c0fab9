import { Button, Group, SimpleGrid, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export interface AuditFilterValues {
  actorUserId?: string;
  action?: string;
  resourceType?: string;
  from?: string;
  to?: string;
}

/** ISO timestamp → value of a datetime-local input (local time, minutes). */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

const blankToUndefined = (s: string) => s.trim() || undefined;

export function AuditFilters({
  values,
  onChange,
}: {
  values: AuditFilterValues;
  onChange: (v: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [actorUserId, setActor] = useState(values.actorUserId ?? "");
  const [action, setAction] = useState(values.action ?? "");
  const [resourceType, setResourceType] = useState(values.resourceType ?? "");
  const [from, setFrom] = useState(toLocalInput(values.from));
  const [to, setTo] = useState(toLocalInput(values.to));
  useEffect(() => {
    setActor(values.actorUserId ?? "");
    setAction(values.action ?? "");
    setResourceType(values.resourceType ?? "");
    setFrom(toLocalInput(values.from));
    setTo(toLocalInput(values.to));
  }, [values.actorUserId, values.action, values.resourceType, values.from, values.to]);

  return (
    <search aria-label={t("admin.audit.filters")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onChange({
            actorUserId: blankToUndefined(actorUserId),
            action: blankToUndefined(action),
            resourceType: blankToUndefined(resourceType),
            from: fromLocalInput(from),
            to: fromLocalInput(to),
          });
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
          <TextInput
            label={t("admin.audit.actorUserId")}
            value={actorUserId}
            onChange={(e) => setActor(e.currentTarget.value)}
            dir="ltr"
          />
          <TextInput
            label={t("admin.audit.action")}
            description={t("admin.audit.actionHint")}
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            dir="ltr"
          />
          <TextInput
            label={t("admin.audit.resourceType")}
            value={resourceType}
            onChange={(e) => setResourceType(e.currentTarget.value)}
            dir="ltr"
          />
          <TextInput
            label={t("admin.audit.from")}
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            label={t("admin.audit.to")}
            type="datetime-local"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group mt="sm" gap="sm">
          <Button type="submit">{t("actions.filter")}</Button>
          <Button variant="default" onClick={() => onChange({})}>
            {t("actions.clearFilters")}
          </Button>
        </Group>
      </form>
    </search>
  );
}
