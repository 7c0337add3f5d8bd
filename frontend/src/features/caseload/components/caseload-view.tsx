import { useMemo } from 'react';
import { Link } from 'react-router-dom';

import { EmptyState } from '@/components/ui/empty-state';
import { Loading } from '@/components/ui/spinner';

import { useCaseload } from '../api/get-caseload';
import { useSpecialists } from '../api/get-specialists';
import { SORT_KEYS, sortCaseload } from '../caseload-order';
import { useCaseloadSearch } from '../hooks/use-caseload-search';

import { CaseloadFilters } from './caseload-filters';
import { CaseloadTable } from './caseload-table';
import { ListFooter } from './list-footer';
import { NoMatches } from './no-matches';
import { LoadError } from './load-error';

interface CaseloadViewProps {
  /** The table's accessible name: "Caseload" on /caseload, "Participants" on /participants. */
  label: string;
  /** Supervisors: filter by matched specialist. */
  withSpecialistFilter: boolean;
  /** What an empty, unfiltered list says. */
  emptyTitle: string;
  emptyBody: string;
}

/**
 * `GET /caseload` with search, filters and order from the address: the specialist's own
 * caseload, and (with the specialist filter) the supervisor's view of everyone.
 */
export function CaseloadView({ label, withSpecialistFilter, emptyTitle, emptyBody }: CaseloadViewProps) {
  const { search, filters, update, clear, isFiltered } = useCaseloadSearch();
  const caseload = useCaseload(filters);
  const specialists = useSpecialists({ enabled: withSpecialistFilter });

  const entries = useMemo(
    () => sortCaseload(caseload.data?.pages.flatMap((page) => page.items) ?? [], search.sort),
    [caseload.data, search.sort],
  );

  let content;
  if (caseload.isPending) {
    content = <Loading label="Loading…" />;
  } else if (caseload.isError && !caseload.data) {
    content = <LoadError what="this list" error={caseload.error} onRetry={() => void caseload.refetch()} />;
  } else if (entries.length === 0) {
    content = isFiltered ? (
      <NoMatches />
    ) : (
      <EmptyState title={emptyTitle} action={<Link to="/participants/new">Start an intake</Link>}>
        <p>{emptyBody}</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <CaseloadTable label={label} entries={entries} sort={search.sort} />
        {caseload.isError && (
          <LoadError
            what={caseload.isFetchNextPageError ? 'the rest of this list' : 'the latest version of this list'}
            error={caseload.error}
            onRetry={() => void (caseload.isFetchNextPageError ? caseload.fetchNextPage() : caseload.refetch())}
          />
        )}
        <ListFooter
          count={entries.length}
          hasMore={caseload.hasNextPage}
          isLoadingMore={caseload.isFetchingNextPage}
          onLoadMore={() => void caseload.fetchNextPage()}
          orderNote={search.sort === 'name' ? undefined : 'The order covers the people shown so far.'}
        />
      </>
    );
  }

  return (
    <div className="list-view">
      <CaseloadFilters
        search={search}
        onChange={update}
        onClear={clear}
        isFiltered={isFiltered}
        sortKeys={SORT_KEYS}
        specialistFilter={withSpecialistFilter ? { specialists: specialists.data?.items } : undefined}
      />
      <div className="list-view__results" aria-busy={caseload.isFetching || undefined}>
        {caseload.isFetching && !caseload.isPending && !caseload.isFetchingNextPage && (
          <p className="list-view__updating">Updating…</p>
        )}
        {content}
      </div>
    </div>
  );
}
