import { Group, Text } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { RequirementLink } from "../../../app/components/RequirementLink";
import { splitRequirementKey } from "./heatmap";

/** The requirements an inferred mapping passes through ("instrument:requirement" keys), as links. */
export function HopPath({ path }: { path: string[] }) {
  const { t } = useTranslation("rules", { keyPrefix: "obligations" });
  if (path.length <= 1) return null;
  return (
    <Group gap={4} wrap="wrap" aria-label={t("pairs.path")} role="group">
      <Text span size="xs" c="dimmed">
        {t("pairs.via")}
      </Text>
      {path.map((key, i) => {
        const { instrumentId, requirementId } = splitRequirementKey(key);
        return (
          <Fragment key={key}>
            {i > 0 && (
              <Text span size="xs" aria-hidden>
                →
              </Text>
            )}
            <Text span size="xs" dir="ltr">
              <RequirementLink instrumentId={instrumentId} requirementId={requirementId}>
                {key}
              </RequirementLink>
            </Text>
          </Fragment>
        );
      })}
    </Group>
  );
}
