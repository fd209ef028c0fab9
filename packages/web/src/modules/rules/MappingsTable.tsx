import { Badge, Button, Code, EmptyState, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { useJurisdictionLabel } from "./format";
import type { RequirementView } from "./types";

type Mapping = RequirementView["mappings"][number];

/** A mapping's path of requirement keys ("instrument:requirement"), hop by hop, each a link. */
function PathView({ path }: { path: readonly string[] }) {
  const { t } = useTranslation("rules");
  return (
    <ol aria-label={t("mappings.path")} style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
      {path.map((key, i) => {
        const at = key.indexOf(":");
        const label = (
          <Code dir="ltr" style={{ overflowWrap: "anywhere" }}>
            {key}
          </Code>
        );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a path may pass the same key twice
          <li key={i}>
            {at > 0 ? (
              <AnchorLink
                to="/instruments/$id/requirements/$requirementId"
                params={{ id: key.slice(0, at), requirementId: key.slice(at + 1) }}
                size="sm"
              >
                {label}
              </AnchorLink>
            ) : (
              label
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** One table of mappings, strongest first within each number of hops. */
function MappingTable({ mappings, caption, id }: { mappings: readonly Mapping[]; caption: string; id?: string }) {
  const { t } = useTranslation("rules");
  const f = useFormat();
  const place = useJurisdictionLabel();
  const sorted = [...mappings].sort((a, b) => a.hops - b.hops || b.strength - a.strength);
  return (
    <div className="table-scroll" id={id}>
      <Table striped verticalSpacing="sm" miw={720}>
        <Table.Caption style={{ captionSide: "top", textAlign: "start" }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("mappings.other")}</Table.Th>
            <Table.Th scope="col">{t("mappings.relation")}</Table.Th>
            <Table.Th scope="col">{t("mappings.strength")}</Table.Th>
            <Table.Th scope="col">{t("mappings.kind")}</Table.Th>
            <Table.Th scope="col">{t("mappings.rationale")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((m) => (
            <Table.Tr
              key={`${m.other.instrumentId}/${m.other.requirementId}/${m.path.join(">")}`}
              data-testid="mapping-row"
              data-direct={m.direct}
            >
              <Table.Td>
                <AnchorLink
                  to="/instruments/$id/requirements/$requirementId"
                  params={{ id: m.other.instrumentId, requirementId: m.other.requirementId }}
                  fw={600}
                >
                  <bdi>{m.other.ref}</bdi> — {m.other.title}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {m.other.shortTitle} · {place(m.other.jurisdiction)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t(`relation.${m.relation}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`relationHint.${m.relation}`)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {t("mappings.strengthValue", { strength: f.number(m.strength), max: f.number(10) })}
              </Table.Td>
              <Table.Td>
                {m.direct ? (
                  <Badge variant="light" color="blue">
                    {t("mappings.direct")}
                  </Badge>
                ) : (
                  <Stack gap={4}>
                    <Badge variant="light" color="grape">
                      {t("mappings.inferred", { hops: f.number(m.hops) })}
                    </Badge>
                    {m.path.length > 0 && <PathView path={m.path} />}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" dir="auto">
                  {m.rationale ?? "—"}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/**
 * Crosswalk mappings of a requirement: how it relates to requirements of other instruments. Direct
 * mappings come first; those inferred across other requirements are shown on request when there are
 * direct ones.
 */
export function MappingsTable({ mappings }: { mappings: readonly Mapping[] }) {
  const { t } = useTranslation("rules");
  const f = useFormat();
  const direct = mappings.filter((m) => m.direct);
  const inferred = mappings.filter((m) => !m.direct);
  const [showInferred, setShowInferred] = useState(false);
  if (mappings.length === 0) {
    return <EmptyState title={t("mappings.emptyTitle")} description={t("mappings.emptyBody")} />;
  }
  const open = showInferred || direct.length === 0;
  return (
    <Stack gap="md">
      {direct.length > 0 && (
        <MappingTable mappings={direct} caption={t("mappings.directCaption", { n: f.number(direct.length) })} />
      )}
      {inferred.length > 0 && direct.length > 0 && (
        <div>
          <Button
            variant="default"
            size="xs"
            onClick={() => setShowInferred((v) => !v)}
            aria-expanded={open}
            aria-controls="inferred-mappings"
            data-testid="toggle-inferred"
          >
            {open ? t("mappings.hideInferred") : t("mappings.showInferred", { n: f.number(inferred.length) })}
          </Button>
        </div>
      )}
      {inferred.length > 0 && open && (
        <MappingTable
          id="inferred-mappings"
          mappings={inferred}
          caption={t("mappings.inferredCaption", { n: f.number(inferred.length) })}
        />
      )}
    </Stack>
  );
}
