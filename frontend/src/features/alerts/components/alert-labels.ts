import type { Alert, AlertSeverity, AlertSource, AlertStatus } from '../types';

export const SOURCE_LABELS: Record<AlertSource, string> = {
  crisis_event: 'Asked for help now',
  check_in: 'Check-in',
  assessment: 'C-SSRS screen',
};

export const SEVERITY_LABELS: Record<AlertSeverity, string> = {
  crisis: 'Crisis',
  high: 'High risk',
};

export const STATUS_LABELS: Record<AlertStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

/** What raised the alert, in a few words: "asked for help now", "high risk check-in". */
export function describeAlert(alert: Pick<Alert, 'source' | 'severity'>): string {
  const level = alert.severity === 'crisis' ? 'crisis' : 'high risk';
  switch (alert.source) {
    case 'crisis_event':
      return 'asked for help now';
    case 'check_in':
      return `${level} check-in`;
    case 'assessment':
      return `${level} C-SSRS screen`;
    default:
      return 'alert';
  }
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago": alerts are about the last hours. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const elapsed = now - Date.parse(iso);
  if (elapsed < 45_000) return 'just now';
  if (elapsed < 45 * MINUTE) return relative.format(-Math.round(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return relative.format(-Math.round(elapsed / HOUR), 'hour');
  if (elapsed < 30 * DAY) return relative.format(-Math.round(elapsed / DAY), 'day');
  return exactFormat.format(new Date(iso));
}

export function formatExact(iso: string): string {
  return exactFormat.format(new Date(iso));
}
