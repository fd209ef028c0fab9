import { ADDRESSEES, type Addressee } from "@concordia/core";
import { Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../../../app/components/badges";
import { RequirementLink } from "../../../../app/components/RequirementLink";
import { useFormat } from "../../../../app/format";
import type { Obligation } from "../../obligationTypes";
import { Reasons } from "./Reasons";

const isAddressee = (a: string): a is Addressee => (ADDRESSEES as readonly string[]).includes(a);

/** One obligation: citation, title, status, who it addresses, from when, and why (expandable). */
export function ObligationItem({ instrumentId, obligation: o }: { instrumentId: string; obligation: Obligation }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  const f = useFormat();
  return (
    <li
      data-testid="obligation"
      data-requirement={o.requirementId}
      data-status={o.status}
      style={{ borderTop: "1px solid var(--mantine-color-gray-3)", padding: "var(--mantine-spacing-sm) 0" }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Text style={{ minWidth: 0, flex: "1 1 16rem" }}>
            <RequirementLink instrumentId={instrumentId} requirementId={o.requirementId}>
              <bdi>{o.ref}</bdi>
            </RequirementLink>{" "}
            {o.title}
          </Text>
          <Group gap={6}>
            {o.verify && (
              <Badge variant="outline" color="orange" title={t("results.verifyHelp")}>
                {t("results.verify")}
              </Badge>
            )}
            <StatusBadge status={o.status} />
          </Group>
        </Group>
        <Group gap="md" wrap="wrap">
          {o.addressees.length > 0 && (
            <Text size="xs" c="dimmed">
              {t("results.addressees")}{" "}
              {o.addressees.map((a) => (isAddressee(a) ? t(`addressees.${a}`) : a)).join(", ")}
            </Text>
          )}
          <Text size="xs" fw={600} c={o.inEffect ? "green.9" : "orange.9"} data-testid="applies-from">
            {o.appliesFrom === null
              ? t("results.noDate")
              : o.inEffect
                ? t("results.inEffectSince", { date: f.date(o.appliesFrom) })
                : t("results.appliesFrom", { date: f.date(o.appliesFrom) })}
          </Text>
        </Group>
        {o.trace.length > 0 && <Reasons trace={o.trace} label={t("results.why")} subject={`${o.ref} ${o.title}`} />}
      </Stack>
    </li>
  );
}
