import { useId } from 'react';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Loading } from '@/components/ui/spinner';
import { isProblemError } from '@/lib/problem';

import { useAccessLog, type AccessLogEntry } from '../api/get-access-log';
import { describeAction, describeOutcome, describeRole } from './access-log-labels';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

export interface AccessLogProps {
  /** Entries per page ("Show more" adds another page). */
  pageSize?: number;
}

/** Everyone else who opened the signed-in participant's record: when, who, what, and the result. */
export function AccessLog({ pageSize = 25 }: AccessLogProps) {
  const log = useAccessLog(pageSize);
  const captionId = useId();

  if (log.isPending) return <Loading label="Loading your access log…" />;
  if (log.isError) {
    return (
      <div role="alert" className="notice">
        <p>
          {isProblemError(log.error)
            ? log.error.detail || log.error.title
            : 'Your access log could not be loaded.'}
        </p>
        <Button variant="secondary" onClick={() => void log.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const entries = log.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) {
    return (
      <EmptyState title="No one else has opened your record yet">
        <p>When someone does, you'll see it here.</p>
      </EmptyState>
    );
  }

  return (
    <div className="access-log">
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table access-log__table">
          <caption id={captionId}>Who opened your record, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What they did</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <AccessLogRow key={`${entry.occurred_at}-${entry.action}-${index}`} entry={entry} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="access-log__count" role="status">
        Showing {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
        {log.hasNextPage ? '' : ', the whole log'}.
      </p>
      {log.hasNextPage && (
        <Button
          variant="secondary"
          isLoading={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          Show more
        </Button>
      )}
    </div>
  );
}

function AccessLogRow({ entry }: { entry: AccessLogEntry }) {
  const role = describeRole(entry.actor_role);
  return (
    <tr className={entry.outcome === 'success' ? undefined : `access-log__row--${entry.outcome}`}>
      <td>
        <time dateTime={entry.occurred_at}>{dateTimeFormat.format(new Date(entry.occurred_at))}</time>
      </td>
      <td>
        <span className="access-log__name">{entry.actor_name ?? 'Someone at your organisation'}</span>
        {role && <span className="access-log__role">{role}</span>}
      </td>
      <td>{describeAction(entry.action)}</td>
      <td>{describeOutcome(entry.outcome)}</td>
    </tr>
  );
}
