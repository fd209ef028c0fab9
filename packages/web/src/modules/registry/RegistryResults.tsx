import { type RouteResponse, SEARCH_RANK_LIMIT, SEARCH_RESULT_WINDOW } from "@concordia/contracts";
import { EmptyState, Group, Pagination, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { ButtonLink } from "../../app/links";
import { PagedResults } from "../../app/PagedResults";
import { PageSection } from "../../app/PageSection";
import { ExportButtons } from "./ExportButtons";
import { isFiltered, PAGE_SIZE, type RegistryFilters, roughly, searchQuery } from "./model";
import { useSystemSearch } from "./queries";
import { SystemsList } from "./SystemsList";

interface RegistryResultsProps {
  filters: RegistryFilters;
  page: number;
  onPage: (page: number) => void;
  /** Whether the viewer may register systems (an empty register then invites them to). */
  canRegister: boolean;
  /** False while it is not yet known whether the filters that need a session apply. */
  ready: boolean;
}

/** The systems matching the filters, page by page, with the count, exports and pagination. */
export function RegistryResults({ filters, page, onPage, canRegister, ready }: RegistryResultsProps) {
  const { t } = useTranslation("registry");
  const f = useFormat();
  const query = { ...searchQuery(filters), page, pageSize: PAGE_SIZE };
  const results = useSystemSearch(query, ready);
  const { data } = results;
  const filtered = isFiltered(filters) || page > 1;

  return (
    <PageSection title={t("list.title")} hiddenTitle busy={results.isFetching}>
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="sm">
          <Text fw={600} role="status" aria-live="polite" data-testid="registry-count">
            {data
              ? data.totalIsEstimate
                ? t("list.countEstimate", { n: f.number(roughly(data.total)) })
                : t("list.count", { n: f.number(data.total) })
              : "\u00a0"}
          </Text>
          <ExportButtons filters={filters} disabled={!data || data.items.length === 0} />
        </Group>
        <PagedResults
          query={results}
          skeletonRows={6}
          onPage={onPage}
          empty={
            <EmptyState
              data-testid="registry-empty"
              title={filtered ? t("list.noMatchTitle") : t("list.emptyTitle")}
              description={filtered ? t("list.noMatchBody") : t("list.emptyBody")}
            >
              {canRegister && !filtered && (
                <EmptyState.Actions>
                  <ButtonLink to="/registry/new" data-testid="empty-register">
                    {t("register")}
                  </ButtonLink>
                </EmptyState.Actions>
              )}
            </EmptyState>
          }
          pagination={(data) => <WindowPagination data={data} onPage={onPage} />}
        >
          {(data) => (
            <>
              {filters.q && (filters.sort ?? "relevance") === "relevance" && !data.rankedByRelevance && (
                <Text size="sm" c="dimmed" data-testid="registry-newest-first">
                  {t("list.newestFirst", { n: f.number(SEARCH_RANK_LIMIT) })}
                </Text>
              )}
              <SystemsList items={data.items} />
            </>
          )}
        </PagedResults>
      </Stack>
    </PageSection>
  );
}

type SearchPage = RouteResponse<"searchSystems">;

/**
 * "Showing 1–20 of about 12,000" and page buttons: only the first SEARCH_RESULT_WINDOW results
 * can be paged through (the API refuses deeper pages), and a large total may be an estimate.
 */
function WindowPagination({ data, onPage }: { data: SearchPage; onPage: (page: number) => void }) {
  const { t } = useTranslation("registry");
  const tc = useTranslation().t;
  const f = useFormat();
  const windowPages = Math.floor(SEARCH_RESULT_WINDOW / data.pageSize);
  const pages = Math.min(windowPages, Math.max(1, Math.ceil(data.total / data.pageSize)));
  const shownTotal = data.totalIsEstimate ? roughly(data.total) : data.total;
  const first = (data.page - 1) * data.pageSize + 1;
  const last = first + data.items.length - 1;
  return (
    <Group justify="space-between" gap="sm" mt="md">
      <Text size="sm" c="dimmed">
        {data.totalIsEstimate
          ? t("list.showingEstimate", { first: f.number(first), last: f.number(last), total: f.number(shownTotal) })
          : tc("pagination.showing", { first: f.number(first), last: f.number(last), total: f.number(data.total) })}
      </Text>
      {data.total > SEARCH_RESULT_WINDOW && data.page === windowPages && (
        <Text size="sm" c="dimmed" data-testid="registry-window-end">
          {t("list.windowEnd", { n: f.number(SEARCH_RESULT_WINDOW) })}
        </Text>
      )}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={data.page}
          onChange={onPage}
          size="sm"
          getControlProps={(control) => ({ "aria-label": tc(`pagination.${control}`) })}
          getItemProps={(p) => ({ "aria-label": tc("pagination.page", { page: f.number(p) }) })}
        />
      )}
    </Group>
  );
}
