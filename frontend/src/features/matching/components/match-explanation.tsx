import { classNames } from '@/components/ui/class-names';

import type { CriterionPoints } from '../types';

import { CRITERION_LABELS, points } from './match-labels';

interface MatchExplanationProps {
  explanation: readonly CriterionPoints[];
  /** Names the list for screen readers, e.g. "Why Marcus Bell fits". */
  label: string;
  /** Staff see each criterion's points; participants read the reasons only. */
  withPoints?: boolean;
  /** What to say when no shared experience scored. */
  emptyText: string;
}

/** Why a peer fits: one line per shared experience, with its points for staff. */
export function MatchExplanation({ explanation, label, withPoints = true, emptyText }: MatchExplanationProps) {
  if (explanation.length === 0) return <p className="match-reasons__none">{emptyText}</p>;
  return (
    <ul className={classNames('match-reasons', withPoints && 'match-reasons--points')} aria-label={label}>
      {explanation.map((item) => (
        <li key={item.criterion} className="match-reason">
          {withPoints && <span className="match-reason__points">+{points(item.points)}</span>}
          <span className="match-reason__text">
            {withPoints && <span className="match-reason__criterion">{CRITERION_LABELS[item.criterion]}: </span>}
            {item.reason}
          </span>
        </li>
      ))}
    </ul>
  );
}
