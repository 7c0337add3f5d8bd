import type { PeerMatch } from '../types';

import { formatInstantDate, STATUS_LABELS } from './match-labels';

/** What happened to a closed match, in one line: when it ran or was declined, and why. */
function outcome(match: PeerMatch): string {
  if (match.status === 'declined') {
    const when = match.declined_at ? ` on ${formatInstantDate(match.declined_at)}` : '';
    return `Declined${when}${match.decline_reason ? `: “${match.decline_reason}”` : ''}`;
  }
  const ran = match.activated_at
    ? `Matched ${formatInstantDate(match.activated_at)}, ended ${match.ended_at ? formatInstantDate(match.ended_at) : ''}`
    : `Proposal withdrawn${match.ended_at ? ` on ${formatInstantDate(match.ended_at)}` : ''}`;
  return `${ran}${match.end_reason ? `: “${match.end_reason}”` : ''}`;
}

/** Earlier matches and proposals, newest first: re-matching keeps the history. */
export function MatchHistory({ matches }: { matches: readonly PeerMatch[] }) {
  if (matches.length === 0) return <p>No earlier matches.</p>;
  return (
    <ul className="match-history">
      {matches.map((match) => (
        <li key={match.id} className="match-history__item">
          <span className="match-history__name">{match.specialist_name}</span>{' '}
          <span className={`match-status match-status--${match.status}`}>
            <span className="visually-hidden">Status: </span>
            {STATUS_LABELS[match.status]}
          </span>
          <span className="match-history__detail">
            Proposed {formatInstantDate(match.proposed_at)}. {outcome(match)}
          </span>
        </li>
      ))}
    </ul>
  );
}
