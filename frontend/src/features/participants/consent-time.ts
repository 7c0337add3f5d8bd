/**
 * A `datetime-local` input holds a wall-clock time with no zone ("2026-05-03T14:05"); the API
 * wants ISO 8601 with an offset. The browser's zone is the one the person signed in.
 */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The value a datetime-local input shows for a moment, to the minute. */
export function toDateTimeLocalValue(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The value a date input shows for a day in the browser's zone. */
export function toDateValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Parses "YYYY-MM-DDTHH:mm[:ss]" as local time; null when it is not a real time. */
export function parseDateTimeLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const date = new Date(year!, month! - 1, day!, hours!, minutes!, seconds ?? 0);
  // Rejects 2026-02-30 and the like (Date would roll them over).
  if (date.getFullYear() !== year || date.getMonth() !== month! - 1 || date.getDate() !== day) return null;
  return date;
}

/** "2026-05-03T14:05" → "2026-05-03T14:05:00-04:00" (the browser's offset on that day). */
export function toIsoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const absolute = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
  );
}
