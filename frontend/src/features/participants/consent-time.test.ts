import { describe, expect, it } from 'vitest';

import { parseDateTimeLocal, toDateTimeLocalValue, toIsoWithOffset } from './consent-time';

describe('consent time', () => {
  it('turns a datetime-local value into ISO 8601 with the local offset, the same instant', () => {
    const date = parseDateTimeLocal('2026-01-15T09:30');
    expect(date).not.toBeNull();
    const iso = toIsoWithOffset(date as Date);
    expect(iso).toMatch(/^2026-01-15T09:30:00[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso)).toBe((date as Date).getTime());
  });

  it('refuses what is not a real time', () => {
    expect(parseDateTimeLocal('')).toBeNull();
    expect(parseDateTimeLocal('2026-02-30T10:00')).toBeNull();
    expect(parseDateTimeLocal('yesterday')).toBeNull();
  });

  it('shows a moment in a datetime-local input, to the minute', () => {
    expect(toDateTimeLocalValue(new Date(2026, 4, 3, 7, 5, 59))).toBe('2026-05-03T07:05');
  });
});
