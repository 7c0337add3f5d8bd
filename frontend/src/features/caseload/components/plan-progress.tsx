import type { CaseloadEntry } from '../api/get-caseload';

/** SAMHSA's four dimensions of recovery: every goal belongs to one. */
export const DIMENSIONS = ['health', 'home', 'purpose', 'community'] as const;

const DIMENSION_LABELS: Record<(typeof DIMENSIONS)[number], string> = {
  health: 'Health',
  home: 'Home',
  purpose: 'Purpose',
  community: 'Community',
};

/**
 * Plan progress per dimension as text ("Home 50%") with a small bar beside it. The bar only
 * repeats the text, so it is hidden from screen readers.
 */
export function PlanProgress({ progress }: { progress: CaseloadEntry['plan_progress'] }) {
  const hasGoals = DIMENSIONS.some((dimension) => (progress[dimension]?.goals ?? 0) > 0);
  if (!hasGoals) return <span className="quiet-text">No plan goals yet</span>;
  return (
    <ul className="plan-progress" aria-label="Plan progress">
      {DIMENSIONS.map((dimension) => {
        const item = progress[dimension];
        const label = DIMENSION_LABELS[dimension];
        if (!item || item.goals === 0) {
          return (
            <li key={dimension} className="plan-progress__item plan-progress__item--empty">
              <span className="plan-progress__text">{label}: no goals</span>
            </li>
          );
        }
        return (
          <li key={dimension} className="plan-progress__item">
            <span className="plan-progress__text">
              {label} {item.percent}%
            </span>
            <progress className="plan-progress__bar" value={item.percent} max={100} aria-hidden="true" />
          </li>
        );
      })}
    </ul>
  );
}
