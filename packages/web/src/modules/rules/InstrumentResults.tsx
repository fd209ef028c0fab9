import type { InstrumentKind, InstrumentStatus } from "@concordia/core";
import { EmptyState, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { Paginator } from "../../app/Paginator";
import { ProblemAlert } from "../../app/problem";
import { TableSkeleton } from "../../app/TableSkeleton";
import { InstrumentCard } from "./InstrumentCard";
import { useInstruments } from "./queries";

const PAGE_SIZE = 20;

interface InstrumentResultsProps {
  search: { q?: string; jurisdiction?: string; kind?: InstrumentKind; status?: InstrumentStatus; page?: number };
  onPage: (page: number) => void;
}

/** The instruments matching the library's filters, as cards, page by page. */
export function InstrumentResults({ search, onPage }: InstrumentResultsProps) {
  const { t } = useTranslation("rules");
  const f = useFormat();
  const query = {
    q: search.q,
    jurisdiction: search.jurisdiction,
    kind: search.kind,
    status: search.status,
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  };
  const { data, isPending, isFetching, error, refetch } = useInstruments(query);
  const filtered = !!(search.q || search.jurisdiction || search.kind || search.status);

  return (
    <section aria-labelledby="instrument-results-heading" aria-busy={isFetching}>
      <VisuallyHidden>
        <Title order={2} id="instrument-results-heading">
          {t("library.results")}
        </Title>
      </VisuallyHidden>
      {isPending ? (
        <TableSkeleton rows={4} />
      ) : error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" fw={500} role="status" data-testid="instrument-count">
            {t("library.resultCount", { n: f.number(data.total) })}
          </Text>
          {data.items.length === 0 ? (
            <EmptyState
              title={filtered ? t("library.noMatchTitle") : t("library.emptyTitle")}
              description={filtered ? t("library.noMatchBody") : t("library.emptyBody")}
            />
          ) : (
            <>
              {data.items.map((item) => (
                <InstrumentCard key={item.id} item={item} searching={!!search.q} />
              ))}
              <Paginator page={data.page} pageSize={data.pageSize} total={data.total} onChange={onPage} />
            </>
          )}
        </Stack>
      )}
    </section>
  );
}
