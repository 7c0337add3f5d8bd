import { Button } from '@/components/ui/button';
import { RiskBadge } from '@/components/ui/risk-badge';
import { Loading } from '@/components/ui/spinner';
import { isProblemError } from '@/lib/problem';

import type { CheckIn } from '../api/create-check-in';
import { useCheckIns } from '../api/get-check-ins';
import { formatDateTime, formatMood, formatRiskReasons } from './check-in-labels';

export interface RecentCheckInsProps {
  participantId: string;
  /** How many to show at first and to add with each "Show more". */
  pageSize?: number;
}

/** A participant's check-ins, newest first, each with its risk and the reasons for it. */
export function RecentCheckIns({ participantId, pageSize = 10 }: RecentCheckInsProps) {
  const checkIns = useCheckIns(participantId, pageSize);

  if (checkIns.isPending) return <Loading label="Loading check-ins…" />;
  if (checkIns.isError) {
    return (
      <div role="alert" className="notice">
        <p>
          {isProblemError(checkIns.error)
            ? checkIns.error.detail || checkIns.error.title
            : 'The check-ins could not be loaded.'}
        </p>
        <Button variant="secondary" onClick={() => void checkIns.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const items = checkIns.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <p className="recent-check-ins__empty">No check-ins yet.</p>;

  return (
    <div className="recent-check-ins">
      <ol className="check-in-list" aria-label="Recent check-ins">
        {items.map((checkIn) => (
          <CheckInItem key={checkIn.id} checkIn={checkIn} />
        ))}
      </ol>
      {checkIns.hasNextPage && (
        <Button
          variant="secondary"
          isLoading={checkIns.isFetchingNextPage}
          onClick={() => void checkIns.fetchNextPage()}
        >
          Show more check-ins
        </Button>
      )}
    </div>
  );
}

function CheckInItem({ checkIn }: { checkIn: CheckIn }) {
  return (
    <li className="check-in-list__item">
      <div className="check-in-list__head">
        <time dateTime={checkIn.recorded_at} className="check-in-list__time">
          {formatDateTime(checkIn.recorded_at)}
        </time>
        <RiskBadge level={checkIn.risk_level} />
      </div>
      <p className="check-in-list__answers">
        Mood {formatMood(checkIn.mood)} · Craving {checkIn.craving} of 10 · Used since last check-in:{' '}
        {checkIn.used_since_last ? 'yes' : 'no'}
        {checkIn.sleep_hours !== null && <> · Slept {checkIn.sleep_hours} h</>}
      </p>
      {checkIn.risk_reasons.length > 0 && (
        <p className="check-in-list__reasons">Why: {formatRiskReasons(checkIn.risk_reasons)}</p>
      )}
      {checkIn.wants_contact && <p className="check-in-list__contact">Asked to be contacted</p>}
      {checkIn.note && <blockquote className="check-in-list__note">{checkIn.note}</blockquote>}
      {checkIn.entered_by_role !== 'participant' && (
        <p className="check-in-list__by">Entered by staff on the participant's behalf</p>
      )}
    </li>
  );
}
