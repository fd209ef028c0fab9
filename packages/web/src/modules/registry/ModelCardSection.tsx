import { Anchor, Badge, Code, List, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Fact } from "../log/bits";
import type { SystemDocument } from "./model";

type ModelCard = NonNullable<SystemDocument["modelCard"]>;
type Datasets = NonNullable<SystemDocument["datasets"]>;

function TextList({ title, items, testId }: { title: string; items: readonly string[] | undefined; testId: string }) {
  if (!items?.length) return null;
  return (
    <div data-testid={testId}>
      <Title order={4} mb={4}>
        {title}
      </Title>
      <List size="sm" spacing={4}>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries may repeat and have no id
          <List.Item key={i} style={{ whiteSpace: "pre-wrap" }}>
            {item}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

/** The model card: approach, task, inputs and outputs, metrics, limitations, ethical considerations. */
export function ModelCardSection({ card }: { card: ModelCard }) {
  const { t } = useTranslation("registry");
  const facts = (["approach", "task", "architecture", "license"] as const).filter((k) => card[k]);
  return (
    <Stack gap="md" data-testid="model-card">
      {facts.length > 0 && (
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
          {facts.map((k) => (
            <Fact key={k} label={t(`modelCard.${k}`)}>
              {card[k]}
            </Fact>
          ))}
        </SimpleGrid>
      )}
      <TextList title={t("modelCard.inputs")} items={card.inputs} testId="model-inputs" />
      <TextList title={t("modelCard.outputs")} items={card.outputs} testId="model-outputs" />
      {card.metrics?.length ? (
        <div className="table-scroll">
          <Table withTableBorder striped data-testid="model-metrics">
            <Table.Caption style={{ captionSide: "top", textAlign: "start", fontWeight: 600 }}>
              {t("modelCard.metrics")}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("modelCard.metric")}</Table.Th>
                <Table.Th scope="col">{t("modelCard.value")}</Table.Th>
                <Table.Th scope="col">{t("modelCard.dataset")}</Table.Th>
                <Table.Th scope="col">{t("modelCard.slice")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {card.metrics.map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a metric may be reported for several slices
                <Table.Tr key={i}>
                  <Table.Th scope="row" fw={500}>
                    {m.name}
                  </Table.Th>
                  <Table.Td>
                    <bdi>{m.value}</bdi>
                  </Table.Td>
                  <Table.Td>{m.dataset ?? "—"}</Table.Td>
                  <Table.Td>{m.slice ?? "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
      <TextList title={t("modelCard.limitations")} items={card.limitations} testId="model-limitations" />
      <TextList title={t("modelCard.ethics")} items={card.ethicalConsiderations} testId="model-ethics" />
      <TextList title={t("modelCard.useCases")} items={card.useCases} testId="model-use-cases" />
    </Stack>
  );
}

/** The datasets the system was trained or evaluated on. */
export function DatasetsTable({ datasets }: { datasets: Datasets }) {
  const { t } = useTranslation("registry");
  return (
    <div className="table-scroll">
      <Table withTableBorder striped data-testid="datasets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("datasets.name")}</Table.Th>
            <Table.Th scope="col">{t("datasets.description")}</Table.Th>
            <Table.Th scope="col">{t("datasets.license")}</Table.Th>
            <Table.Th scope="col">{t("datasets.personalData")}</Table.Th>
            <Table.Th scope="col">{t("datasets.sha256")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {datasets.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: dataset names need not be unique
            <Table.Tr key={i} data-testid="dataset-row">
              <Table.Th scope="row" fw={500}>
                {d.url ? (
                  <Anchor href={d.url} target="_blank" rel="noopener noreferrer">
                    {d.name}
                  </Anchor>
                ) : (
                  d.name
                )}
              </Table.Th>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {d.description ?? "—"}
                </Text>
              </Table.Td>
              <Table.Td>{d.license ?? "—"}</Table.Td>
              <Table.Td>
                {d.containsPersonalData === undefined ? (
                  t("datasets.unknown")
                ) : (
                  <Badge variant="light" color={d.containsPersonalData ? "orange" : "gray"}>
                    {d.containsPersonalData ? t("datasets.yes") : t("datasets.no")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {d.sha256 ? (
                  <Code dir="ltr" title={d.sha256} aria-label={d.sha256}>
                    {`${d.sha256.slice(0, 12)}…`}
                  </Code>
                ) : (
                  "—"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
