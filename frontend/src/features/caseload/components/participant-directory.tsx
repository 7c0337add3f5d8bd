import { useMemo } from 'react';

import { EmptyState } from '@/components/ui/empty-state';
import { Loading } from '@/components/ui/spinner';

import { useParticipants } from '../api/get-participants';
import { useSpecialists } from '../api/get-specialists';
import { sortByRiskOrName } from '../caseload-order';
import { useCaseloadSearch } from '../hooks/use-caseload-search';

import { CaseloadFilters } from './caseload-filters';
import { ListFooter } from './list-footer';
import { NoMatches } from './no-matches';
import { LoadError } from './load-error';
import { ParticipantTable } from './participant-table';

const ADMIN_SORT_KEYS = ['risk', 'name'] as const;

/**
 * The organisation's participants for an admin: `GET /participants` (admins have no caseload
 * view), with the same search, filters and address as the supervisor's list.
 */
export function ParticipantDirectory({ label }: { label: string }) {
  const { search, filters, update, clear, isFiltered } = useCaseloadSearch();
  const participants = useParticipants(filters);
  const specialists = useSpecialists();
  const sort = search.sort === 'name' ? 'name' : 'risk';

  const items = useMemo(
    () => sortByRiskOrName(participants.data?.pages.flatMap((page) => page.items) ?? [], sort),
    [participants.data, sort],
  );

  let content;
  if (participants.isPending) {
    content = <Loading label="Loading…" />;
  } else if (participants.isError && !participants.data) {
    content = <LoadError what="the participants" error={participants.error} onRetry={() => void participants.refetch()} />;
  } else if (items.length === 0) {
    content = isFiltered ? (
      <NoMatches />
    ) : (
      <EmptyState title="No participants yet">
        <p>People appear here once a specialist or supervisor takes them in.</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <ParticipantTable label={label} participants={items} sort={sort} />
        {participants.isError && (
          <LoadError
            what={participants.isFetchNextPageError ? 'the rest of this list' : 'the latest version of this list'}
            error={participants.error}
            onRetry={() => void (participants.isFetchNextPageError ? participants.fetchNextPage() : participants.refetch())}
          />
        )}
        <ListFooter
          count={items.length}
          hasMore={participants.hasNextPage}
          isLoadingMore={participants.isFetchingNextPage}
          onLoadMore={() => void participants.fetchNextPage()}
          orderNote={sort === 'name' ? undefined : 'The order covers the people shown so far.'}
        />
      </>
    );
  }

  return (
    <div className="list-view">
      <CaseloadFilters
        search={{ ...search, sort }}
        onChange={update}
        onClear={clear}
        isFiltered={isFiltered}
        sortKeys={ADMIN_SORT_KEYS}
        specialistFilter={{ specialists: specialists.data?.items }}
      />
      <div className="list-view__results" aria-busy={participants.isFetching || undefined}>
        {participants.isFetching && !participants.isPending && !participants.isFetchingNextPage && (
          <p className="list-view__updating">Updating…</p>
        )}
        {content}
      </div>
    </div>
  );
}
