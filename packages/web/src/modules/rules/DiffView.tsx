import { Badge, Button, EmptyState, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { useInstrumentDiff } from "./queries";
import type { DiffView as Diff } from "./types";
import { ValueView } from "./ValueView";
import "./rules.css";

const CHANGE_COLORS = { added: "green", removed: "red", changed: "blue" } as const;

function FieldTable({ fields, caption }: { fields: Diff["metadata"]; caption: string }) {
  const { t } = useTranslation("rules");
  return (
    <div className="table-scroll">
      <Table withTableBorder withColumnBorders layout="fixed" miw={480}>
        <Table.Caption style={{ captionSide: "top", textAlign: "start" }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="20%">
              {t("diff.field")}
            </Table.Th>
            <Table.Th scope="col">{t("diff.before")}</Table.Th>
            <Table.Th scope="col">{t("diff.after")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((c) => (
            <Table.Tr key={c.field} data-testid="diff-field" data-field={c.field}>
              <Table.Th scope="row">
                <bdi>{c.field}</bdi>
              </Table.Th>
              <Table.Td className="rules-before">
                <ValueView field={c.field} value={c.before} />
              </Table.Td>
              <Table.Td className="rules-after">
                <ValueView field={c.field} value={c.after} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** What changed between two versions: instrument fields, then requirements added, removed or changed. */
export function DiffView({ id, from, to, onClose }: { id: string; from: string; to: string; onClose: () => void }) {
  const { t } = useTranslation("rules");
  const f = useFormat();
  const diff = useInstrumentDiff(id, from, to);
  const close = (
    <Button variant="default" size="xs" onClick={onClose}>
      {t("diff.close")}
    </Button>
  );
  if (from === to) return <Group>{close}</Group>;
  if (diff.isPending) return <TableSkeleton rows={3} />;
  if (diff.error) return <ProblemAlert error={diff.error} onRetry={() => void diff.refetch()} />;
  const d = diff.data;
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const r of d.requirements) counts[r.change]++;

  return (
    <Stack gap="md" data-testid="diff-view">
      <Group justify="space-between">
        <Text role="status">
          {t("diff.summary", {
            metadata: f.number(d.metadata.length),
            added: f.number(counts.added),
            removed: f.number(counts.removed),
            changed: f.number(counts.changed),
          })}
        </Text>
        {close}
      </Group>
      {d.metadata.length === 0 && d.requirements.length === 0 && <EmptyState title={t("diff.none")} />}
      {d.metadata.length > 0 && <FieldTable fields={d.metadata} caption={t("diff.metadata")} />}
      {d.requirements.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {d.requirements.map((r) => (
            <Paper
              component="li"
              withBorder
              p="sm"
              key={r.requirementId}
              data-testid="diff-requirement"
              data-change={r.change}
            >
              <Group gap="sm" mb={r.fields.length ? "xs" : 0}>
                <Badge color={CHANGE_COLORS[r.change]} variant="light">
                  {t(`diff.change.${r.change}`)}
                </Badge>
                <Title order={3} size="h5">
                  {r.change === "removed" ? (
                    <>
                      <bdi>{r.ref}</bdi> — {r.title}
                    </>
                  ) : (
                    <AnchorLink
                      to="/instruments/$id/requirements/$requirementId"
                      params={{ id, requirementId: r.requirementId }}
                    >
                      <bdi>{r.ref}</bdi> — {r.title}
                    </AnchorLink>
                  )}
                </Title>
              </Group>
              {r.fields.length > 0 && <FieldTable fields={r.fields} caption={t("diff.fieldsOf", { ref: r.ref })} />}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
