import { Link } from 'react-router-dom';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { Loading } from '@/components/ui/spinner';

import { useDueSurveys } from '../api/get-due-surveys';
import { HORIZONS, STATUS_CHOICES, useDueSearch, type Horizon, type StatusChoice } from '../hooks/use-due-search';
import type { DueItem } from '../types';

import { DueStatusBadge } from './due-status-badge';
import { formatDay, timepointLabel, windowNote } from './outcome-labels';

const STATUS_CHOICE_LABELS: Record<StatusChoice, string> = {
  all: 'All',
  'due-or-overdue': 'Due now or overdue',
  overdue: 'Overdue',
  due: 'Due now',
  upcoming: 'Coming up',
};

function surveys(count: number): string {
  return count === 1 ? '1 survey' : `${count} surveys`;
}

/**
 * `GET /outcomes/due`: the intake and six-month follow-up surveys the caller's participants owe,
 * soonest due first, with each one's window and whether it is coming up, due or overdue.
 */
export function SurveysDueView() {
  const { search, filters, update, clear, isFiltered } = useDueSearch();
  const due = useDueSurveys(filters);
  const items = due.data?.pages.flatMap((page) => page.items) ?? [];

  let content;
  if (due.isPending) {
    content = <Loading label="Loading the surveys due…" />;
  } else if (due.isError && !due.data) {
    content = (
      <div className="stack">
        <FormError error={due.error} />
        <Button variant="secondary" onClick={() => void due.refetch()}>
          Try again
        </Button>
      </div>
    );
  } else if (items.length === 0) {
    content = isFiltered ? (
      <EmptyState title="No surveys match these filters." headingLevel={2}>
        <p>Use “Clear filters” above to see every survey due or coming up.</p>
      </EmptyState>
    ) : (
      <EmptyState title="No surveys are due." headingLevel={2}>
        <p>Intake surveys and six-month follow-ups appear here from 30 days before their window opens.</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <div className="record-table-wrap">
          <table role="table" className="record-table record-table--cards surveys-due-table" aria-label="Surveys due">
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">
                  Participant
                </th>
                <th role="columnheader" scope="col">
                  Survey
                </th>
                <th role="columnheader" scope="col">
                  Due on
                </th>
                <th role="columnheader" scope="col">
                  Window
                </th>
                <th role="columnheader" scope="col">
                  Status
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {items.map((item) => (
                <DueRow key={`${item.participant_id}-${item.timepoint}`} item={item} />
              ))}
            </tbody>
          </table>
        </div>
        <div className="list-footer">
          <p role="status" className="list-footer__count">
            {due.hasNextPage ? `Showing the first ${surveys(items.length)}.` : `Showing ${surveys(items.length)}.`}
          </p>
          {due.hasNextPage && (
            <Button variant="secondary" isLoading={due.isFetchingNextPage} onClick={() => void due.fetchNextPage()}>
              Load more
            </Button>
          )}
        </div>
      </>
    );
  }

  return (
    <div className="list-view">
      <form className="list-filters" aria-label="Filter the surveys due" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Status"
          name="status"
          value={search.status}
          options={STATUS_CHOICES.map((value) => ({ value, label: STATUS_CHOICE_LABELS[value] }))}
          onChange={(event) => update({ status: event.target.value as StatusChoice })}
        />
        <SelectField
          label="Coming up within"
          name="horizon"
          description="How far ahead to list windows not yet open."
          value={String(search.horizon)}
          options={HORIZONS.map((days) => ({ value: String(days), label: `${days} days` }))}
          onChange={(event) => update({ horizon: Number(event.target.value) as Horizon })}
        />
        {isFiltered && (
          <div className="list-filters__clear">
            <Button variant="quiet" onClick={clear}>
              Clear filters
            </Button>
          </div>
        )}
      </form>
      <div className="list-view__results" aria-busy={due.isFetching || undefined}>
        {content}
      </div>
    </div>
  );
}

function DueRow({ item }: { item: DueItem }) {
  return (
    <tr role="row" className={`surveys-due-table__row--${item.status}`}>
      <th role="rowheader" scope="row" className="record-table__name">
        <Link to={`/participants/${item.participant_id}#outcome-surveys`}>{item.preferred_name}</Link>
      </th>
      <td role="cell" data-label="Survey">
        {timepointLabel(item.timepoint)}
      </td>
      <td role="cell" data-label="Due on">
        <time dateTime={item.due_on}>{formatDay(item.due_on)}</time>
      </td>
      <td role="cell" data-label="Window">
        <time dateTime={item.window_opens_on}>{formatDay(item.window_opens_on)}</time> to{' '}
        <time dateTime={item.window_closes_on}>{formatDay(item.window_closes_on)}</time>
      </td>
      <td role="cell" data-label="Status">
        <DueStatusBadge status={item.status} />
        <span className="record-table__sub">{windowNote(item)}</span>
      </td>
    </tr>
  );
}
