import { Alert, Code, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import type { PublishedInstrument, ValidationReport } from "./types";
import { pathInFile } from "./upload";

/** The outcome of POST /instruments/validate: what would be published, or every error with its path. */
export function ValidationResult({ report }: { report: ValidationReport }) {
  const { t } = useTranslation("rules");
  const f = useFormat();
  if (report.valid) {
    return (
      <Alert color="green" title={t("admin.validTitle")} data-testid="validation-valid">
        {t("admin.validBody", {
          id: report.id ?? "—",
          version: report.version ?? "—",
          n: f.number(report.requirementCount),
        })}
      </Alert>
    );
  }
  return (
    <Alert color="red" title={t("admin.invalidTitle")} data-testid="validation-invalid">
      <Stack gap="sm">
        <Text size="sm">{t("admin.invalidBody", { n: f.number(report.errors.length) })}</Text>
        <div className="table-scroll">
          <Table striped withTableBorder bg="var(--mantine-color-body)">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("admin.errorPath")}</Table.Th>
                <Table.Th scope="col">{t("admin.errorMessage")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the same path may carry several errors
                <Table.Tr key={i} data-testid="validation-error">
                  <Table.Td>
                    <Code dir="ltr" data-testid="validation-error-path" style={{ overflowWrap: "anywhere" }}>
                      {pathInFile(e.field) || t("admin.wholeFile")}
                    </Code>
                  </Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </Stack>
    </Alert>
  );
}

/** The version just published, its log record and the link to verify it. */
export function PublishedAlert({ published }: { published: PublishedInstrument }) {
  const { t } = useTranslation("rules");
  const f = useFormat();
  return (
    <Alert color="green" title={t("admin.publishedTitle")} data-testid="published" data-index={published.logIndex}>
      <Stack gap="xs">
        <Text size="sm">
          {t("admin.publishedBody", {
            id: published.id,
            version: published.version,
            index: f.number(published.logIndex),
            date: f.dateTime(published.publishedAt),
          })}
        </Text>
        <Group gap="md">
          <AnchorLink
            to="/instruments/$id"
            params={{ id: published.id }}
            search={{}}
            size="sm"
            data-testid="published-instrument"
          >
            {t("admin.openInstrument")}
          </AnchorLink>
          <AnchorLink to="/log/entries/$index" params={{ index: String(published.logIndex) }} size="sm">
            {t("versions.logEntry", { index: f.number(published.logIndex) })}
          </AnchorLink>
          <AnchorLink to="/verify" search={{ index: published.logIndex }} size="sm" data-testid="published-verify">
            {t("admin.verifyRecord")}
          </AnchorLink>
        </Group>
      </Stack>
    </Alert>
  );
}
