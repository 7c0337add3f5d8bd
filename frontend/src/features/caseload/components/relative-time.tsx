const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function startOfDay(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** "just now", "5 minutes ago", "yesterday", "2 days ago", "3 weeks ago", "2 months ago". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso);
  const elapsed = now - time;
  if (elapsed < 45_000) return 'just now';
  if (elapsed < 45 * MINUTE) return relative.format(-Math.round(elapsed / MINUTE), 'minute');
  if (elapsed < 20 * HOUR) return relative.format(-Math.round(elapsed / HOUR), 'hour');
  // Calendar days, as people count them: last night at 23:00 was "yesterday".
  const days = Math.max(1, Math.round((startOfDay(now) - startOfDay(time)) / DAY));
  if (days < 7) return relative.format(-days, 'day');
  if (days < 35) return relative.format(-Math.round(days / 7), 'week');
  if (days < 365) return relative.format(-Math.max(1, Math.round(days / 30.44)), 'month');
  return relative.format(-Math.round(days / 365.25), 'year');
}

export function formatExact(iso: string): string {
  return exactFormat.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/**
 * A past moment as people say it ("2 days ago"), with the exact date and time in a tooltip
 * and, for screen readers, read right after it.
 */
export function RelativeTime({ iso }: { iso: string }) {
  const exact = formatExact(iso);
  return (
    <time dateTime={iso} title={exact}>
      {relativeTime(iso)}
      <span className="visually-hidden">, {exact}</span>
    </time>
  );
}

/** "Today", "1 day", "12 days". */
export function daysText(days: number): string {
  if (days <= 0) return 'Today';
  return days === 1 ? '1 day' : `${days} days`;
}
