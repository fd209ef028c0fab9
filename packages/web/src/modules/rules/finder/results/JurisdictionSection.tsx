import { Stack, Text, Title } from "@mantine/core";
import { useJurisdictionName } from "../../../../app/components/useJurisdictionName";
import type { Evaluation } from "../../obligationTypes";
import { sortInstruments } from "../results";
import { InstrumentResultCard } from "./InstrumentResultCard";

/** One jurisdiction's results: its name and code, then a card per instrument (most binding first). */
export function JurisdictionSection({
  result,
  idPrefix,
  testId,
}: {
  result: Evaluation["jurisdictions"][number];
  /** Prefix of the heading's id, unique on the page. */
  idPrefix: string;
  testId: string;
}) {
  const name = useJurisdictionName();
  const headingId = `${idPrefix}-${result.jurisdiction}`;
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <Title order={3} id={headingId} mb="sm">
        {name(result.jurisdiction)}{" "}
        <Text span c="dimmed" size="sm" dir="ltr">
          ({result.jurisdiction})
        </Text>
      </Title>
      <Stack gap="md">
        {sortInstruments(result.instruments).map((inst) => (
          <InstrumentResultCard key={inst.instrumentId} result={inst} />
        ))}
      </Stack>
    </section>
  );
}
