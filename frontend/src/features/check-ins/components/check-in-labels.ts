/** The words the check-in screens use for the answers, in one place. */

export const MOOD_OPTIONS = [
  { value: 1, label: 'Very low' },
  { value: 2, label: 'Low' },
  { value: 3, label: 'Okay' },
  { value: 4, label: 'Good' },
  { value: 5, label: 'Very good' },
] as const;

export const CRAVING_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export function moodLabel(mood: number): string | undefined {
  return MOOD_OPTIONS.find((option) => option.value === mood)?.label;
}

/** A day's mood is the mean of its check-ins: "4 (Good)" or "3.5". */
export function formatMood(mood: number): string {
  if (Number.isInteger(mood)) {
    const label = moodLabel(mood);
    return label ? `${mood} (${label})` : String(mood);
  }
  return mood.toFixed(1);
}

/** The API's reasons ("strong craving") as a sentence fragment: "Strong craving, reported use". */
export function formatRiskReasons(reasons: readonly string[]): string {
  const text = reasons.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "2025-11-03" as a local calendar date (never shifted by the time zone). */
export function parseDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
const shortDayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

export function formatDay(day: string): string {
  return dayFormat.format(parseDay(day));
}

export function formatShortDay(day: string): string {
  return shortDayFormat.format(parseDay(day));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}
