import { Text } from "@mantine/core";
import { RequirementLink } from "../../../app/components/RequirementLink";
import type { RequirementRef } from "../obligationTypes";

/** An instrument's requirement in a table: instrument, linked citation, title. */
export function RequirementCell({ req }: { req: RequirementRef }) {
  return (
    <Text size="sm" style={{ minWidth: "12rem" }}>
      <Text span size="xs" c="dimmed" style={{ display: "block" }}>
        {req.shortTitle}
      </Text>
      <RequirementLink instrumentId={req.instrumentId} requirementId={req.requirementId}>
        <bdi>{req.ref}</bdi>
      </RequirementLink>{" "}
      {req.title}
    </Text>
  );
}
