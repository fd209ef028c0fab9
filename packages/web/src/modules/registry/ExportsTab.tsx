import { Alert, Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api";
import { downloadJson } from "../../app/download";
import { useFormat } from "../../app/format";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { FieldSetTable } from "./FieldSetTable";
import { FIELD_STATUSES, fieldStatusCounts, parseFieldSet, type SystemView } from "./model";
import { type FieldSetKind, useSystemExport } from "./queries";

const fileName = (system: SystemView, kind: FieldSetKind) =>
  `concordia-system-${system.id}-v${system.version}-${kind}.json`;

function FieldSetSection({
  system,
  kind,
  title,
}: {
  system: SystemView;
  kind: "eu-annex-viii" | "uk-atrs";
  title: string;
}) {
  const { t } = useTranslation("registry");
  const f = useFormat();
  const query = useSystemExport(system.id, kind);
  const headingId = `export-${kind}`;
  let body: React.ReactNode;
  if (query.isPending) body = <TableSkeleton rows={6} />;
  else if (query.error) body = <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const set = parseFieldSet(query.data);
    if (!set) body = <Text c="dimmed">{t("exports.unreadable")}</Text>;
    else {
      const counts = fieldStatusCounts(set.fields);
      body = (
        <Stack gap="sm">
          <Text size="sm">
            {set.standard}
            {set.version && ` · ${set.version}`}
            {set.source && (
              <>
                {" · "}
                <Anchor href={set.source} target="_blank" rel="noopener noreferrer" size="sm">
                  {t("exports.source")}
                </Anchor>
              </>
            )}
          </Text>
          {set.applicability.note && (
            <Alert
              variant="light"
              color={set.applicability.applies === true ? "blue" : "gray"}
              title={
                set.applicability.applies === null
                  ? t("exports.appliesUnknown")
                  : set.applicability.applies
                    ? t("exports.applies")
                    : t("exports.doesNotApply")
              }
            >
              {set.applicability.note}
            </Alert>
          )}
          <Group justify="space-between" gap="sm">
            <Text size="sm" data-testid={`${kind}-counts`}>
              {FIELD_STATUSES.map((s) => `${t(`exports.status.${s}`)}: ${f.number(counts[s])}`).join(" · ")}
            </Text>
            <Button
              variant="default"
              size="sm"
              onClick={() => downloadJson(fileName(system, kind), query.data)}
              data-testid={`download-${kind}`}
            >
              {t("exports.downloadJson")}
            </Button>
          </Group>
          <FieldSetTable
            fields={set.fields}
            caption={t("exports.caption", { standard: title })}
            testId={`fields-${kind}`}
          />
        </Stack>
      );
    }
  }
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} id={headingId} mb="xs">
        {title}
      </Title>
      {body}
    </section>
  );
}

/** The system in exchange formats: CycloneDX ML-BOM, EU AI Act Annex VIII Section A, UK ATRS. */
export function ExportsTab({ system }: { system: SystemView }) {
  const { t } = useTranslation("registry");
  const call = useApi();
  const bom = useMutation({
    mutationFn: () => call("exportCycloneDx", { params: { id: system.id } }),
    onSuccess: (doc) => downloadJson(fileName(system, "cyclonedx"), doc),
  });
  return (
    <Stack gap="xl">
      <Text size="sm" c="dimmed">
        {t("exports.intro")}
      </Text>
      <section aria-labelledby="export-cyclonedx">
        <Title order={3} id="export-cyclonedx" mb="xs">
          {t("exports.cyclonedxTitle")}
        </Title>
        <Text size="sm" mb="sm">
          {t("exports.cyclonedxBody")}
        </Text>
        <Button variant="default" onClick={() => bom.mutate()} loading={bom.isPending} data-testid="download-cyclonedx">
          {t("exports.downloadCycloneDx")}
        </Button>
        {bom.error && <ProblemAlert error={bom.error} />}
      </section>
      <FieldSetSection system={system} kind="eu-annex-viii" title={t("exports.annexTitle")} />
      <FieldSetSection system={system} kind="uk-atrs" title={t("exports.atrsTitle")} />
    </Stack>
  );
}
