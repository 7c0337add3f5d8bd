import { formatExact, relativeTime } from './alert-labels';

/** A moment as people say it ("5 minutes ago"), with the exact time in a tooltip and for screen readers. */
export function AlertTime({ iso }: { iso: string }) {
  const exact = formatExact(iso);
  return (
    <time dateTime={iso} title={exact}>
      {relativeTime(iso)}
      <span className="visually-hidden">, {exact}</span>
    </time>
  );
}
