import { EmptyState, Paper, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { AnchorLink } from "../../app/links";
import { Paginator } from "../../app/Paginator";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { useJurisdictionLabel } from "./format";
import { useRequirementSearch } from "./queries";

const PAGE_SIZE = 20;

/** Requirements of every current instrument matching the search text, with links to each (keyed by the search, so a new search starts on page 1). */
export function RequirementResults({ q, jurisdiction }: { q?: string; jurisdiction?: string }) {
  const { t } = useTranslation("rules");
  const f = useFormat();
  const place = useJurisdictionLabel();
  const [page, setPage] = useState(1);
  const { data, isPending, isFetching, error, refetch } = useRequirementSearch({
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
    <section aria-labelledby="requirement-results-heading" aria-busy={isFetching}>
      <VisuallyHidden>
        <Title order={2} id="requirement-results-heading">
          {t("library.requirementResults")}
        </Title>
      </VisuallyHidden>
      {isPending ? (
        <TableSkeleton rows={4} />
      ) : error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" fw={500} role="status" data-testid="requirement-count">
            {t("library.requirementCount", { n: f.number(data.total) })}
          </Text>
          {data.items.length === 0 ? (
            <EmptyState title={t("library.noRequirementTitle")} description={t("library.noMatchBody")} />
          ) : (
            <>
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
              <Paginator page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
            </>
          )}
        </Stack>
      )}
    </section>
  );
}
