import { RiskBadge } from '@/components/ui/risk-badge';

import type { Participant } from '../types';

import { days, formatInstantDate } from './profile-labels';

function lastUseText(daysSince: number): string {
  if (daysSince <= 0) return 'Last reported use: today';
  return `Last reported use: ${days(daysSince)} ago`;
}

/**
 * The line under the participant's name: status, current risk, and time in recovery. Use is
 * stated plainly beside the days in recovery, which it never resets: no streaks, no judgement.
 */
export function ParticipantSummary({ participant }: { participant: Participant }) {
  return (
    <ul className="participant-summary" aria-label="Summary">
      {participant.status !== 'active' && (
        <li className="participant-summary__item participant-summary__status">
          {participant.status === 'withdrawn'
            ? `Withdrawn${participant.withdrawn_at ? ` on ${formatInstantDate(participant.withdrawn_at)}` : ''}`
            : 'Discharged'}
        </li>
      )}
      <li className="participant-summary__item">
        <RiskBadge level={participant.risk_level} />
      </li>
      <li className="participant-summary__item">
        {participant.days_in_recovery != null
          ? `${days(participant.days_in_recovery)} in recovery`
          : 'Recovery start date not recorded'}
      </li>
      {participant.days_since_last_reported_use != null && (
        <li className="participant-summary__item">{lastUseText(participant.days_since_last_reported_use)}</li>
      )}
      {participant.pronouns && <li className="participant-summary__item">{participant.pronouns}</li>}
    </ul>
  );
}
