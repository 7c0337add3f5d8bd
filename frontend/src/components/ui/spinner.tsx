import { classNames } from './class-names';

interface SpinnerProps {
  size?: 'small' | 'medium';
  /** Announced to screen readers; `null` when the surrounding text already says it. */
  label?: string | null;
}

export function Spinner({ size = 'medium', label = 'Loading…' }: SpinnerProps) {
  const spinner = <span className={classNames('spinner', `spinner--${size}`)} aria-hidden="true" />;
  if (label === null) return spinner;
  return (
    <span role="status" className="spinner-wrap">
      {spinner}
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/** A block-level loading state for a page or a panel, with visible text. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <Spinner label={null} />
      <span>{label}</span>
    </div>
  );
}
