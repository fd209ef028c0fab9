import type { InstrumentKind, InstrumentStatus } from "@concordia/core";
import { EmptyState, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { PagedResults } from "../../app/PagedResults";
import { PageSection } from "../../app/PageSection";
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
  const results = useInstruments(query);
  const filtered = !!(search.q || search.jurisdiction || search.kind || search.status);

  return (
    <PageSection title={t("library.results")} hiddenTitle busy={results.isFetching}>
      <PagedResults
        query={results}
        skeletonRows={4}
        onPage={onPage}
        count={(data) => (
          <Text size="sm" fw={500} role="status" data-testid="instrument-count">
            {t("library.resultCount", { n: f.number(data.total) })}
          </Text>
        )}
        empty={
          <EmptyState
            title={filtered ? t("library.noMatchTitle") : t("library.emptyTitle")}
            description={filtered ? t("library.noMatchBody") : t("library.emptyBody")}
          />
        }
      >
        {(data) => data.items.map((item) => <InstrumentCard key={item.id} item={item} searching={!!search.q} />)}
      </PagedResults>
    </PageSection>
  );
}
