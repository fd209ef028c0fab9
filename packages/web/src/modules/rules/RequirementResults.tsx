import { EmptyState, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { PagedResults } from "../../app/PagedResults";
import { PageSection } from "../../app/PageSection";
import { useJurisdictionLabel } from "./format";
import { useRequirementSearch } from "./queries";

const PAGE_SIZE = 20;

/** Requirements of every current instrument matching the search text, with links to each (keyed by the search, so a new search starts on page 1). */
export function RequirementResults({ q, jurisdiction }: { q?: string; jurisdiction?: string }) {
  const { t } = useTranslation("rules");
  const f = useFormat();
  const place = useJurisdictionLabel();
  const [page, setPage] = useState(1);
  const results = useRequirementSearch({
    q: q ?? "",
    jurisdiction,
    page,
    pageSize: PAGE_SIZE,
  });

  if (!q) {
    return (
      <EmptyState title={t("library.requirementsPromptTitle")} description={t("library.requirementsPromptBody")} />
    );
  }
  return (
    <PageSection title={t("library.requirementResults")} hiddenTitle busy={results.isFetching}>
      <PagedResults
        query={results}
        skeletonRows={4}
        onPage={setPage}
        count={(data) => (
          <Text size="sm" fw={500} role="status" data-testid="requirement-count">
            {t("library.requirementCount", { n: f.number(data.total) })}
          </Text>
        )}
        empty={<EmptyState title={t("library.noRequirementTitle")} description={t("library.noMatchBody")} />}
      >
        {(data) => (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {data.items.map((hit) => (
              <Paper component="li" withBorder p="sm" key={`${hit.instrumentId}/${hit.requirementId}`}>
                <Title order={3} size="h5">
                  <AnchorLink
                    to="/instruments/$id/requirements/$requirementId"
                    params={{ id: hit.instrumentId, requirementId: hit.requirementId }}
                    data-testid="requirement-hit"
                  >
                    <bdi>{hit.ref}</bdi> — {hit.title}
                  </AnchorLink>
                </Title>
                <Text size="sm" c="dimmed">
                  <AnchorLink to="/instruments/$id" params={{ id: hit.instrumentId }} search={{}} size="sm">
                    {hit.shortTitle}
                  </AnchorLink>{" "}
                  · {place(hit.jurisdiction)}
                </Text>
                <Text size="sm" mt={4} lineClamp={3} dir="auto">
                  {hit.summary}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </PagedResults>
    </PageSection>
  );
}
