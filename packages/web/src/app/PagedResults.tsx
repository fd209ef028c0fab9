import { Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { Paginator } from "./Paginator";
import { ProblemAlert } from "./problem";
import { TableSkeleton } from "./TableSkeleton";

/** A page of a paged API answer. */
export interface ResultPage {
  items: readonly unknown[];
  page: number;
  pageSize: number;
  total: number;
}

/** What PagedResults reads of a TanStack Query result. */
export interface PagedQuery<P extends ResultPage> {
  data: P | undefined;
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

interface PagedResultsProps<P extends ResultPage> {
  query: PagedQuery<P>;
  /** The items of a non-empty page. */
  children: (page: P) => ReactNode;
  /** Shown instead when the page has no items. */
  empty: ReactNode;
  /** A line above the items ("12 systems"), once the answer is in. */
  count?: (page: P) => ReactNode;
  onPage: (page: number) => void;
  /** Replaces the standard "Showing 1–20 of 112" and page buttons (a search with a result window, say). */
  pagination?: (page: P) => ReactNode;
  skeletonRows?: number;
}

/**
 * The one shape of every paged list: placeholder rows while loading, the problem with a retry
 * button on error, then the count, the items (or the empty state) and the pagination.
 */
export function PagedResults<P extends ResultPage>({
  query,
  children,
  empty,
  count,
  onPage,
  pagination,
  skeletonRows = 5,
}: PagedResultsProps<P>) {
  const { data, isPending, error, refetch } = query;
  if (isPending) return <TableSkeleton rows={skeletonRows} />;
  if (error || !data) return <ProblemAlert error={error} onRetry={() => void refetch()} />;
  return (
    <Stack gap="sm">
      {count?.(data)}
      {data.items.length === 0 ? (
        empty
      ) : (
        <>
          {children(data)}
          {pagination ? (
            pagination(data)
          ) : (
            <Paginator page={data.page} pageSize={data.pageSize} total={data.total} onChange={onPage} />
          )}
        </>
      )}
    </Stack>
  );
}
