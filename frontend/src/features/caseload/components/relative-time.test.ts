import { describe, expect, it } from 'vitest';

import { daysText, relativeTime } from './relative-time';

const NOW = new Date(2026, 4, 10, 15, 0).getTime(); // 10 May 2026, 15:00 local

function at(year: number, month: number, day: number, hours = 12, minutes = 0, seconds = 0): string {
  return new Date(year, month - 1, day, hours, minutes, seconds).toISOString();
}

describe('relativeTime', () => {
  it.each([
    [at(2026, 5, 10, 14, 59, 30), 'just now'],
    [at(2026, 5, 10, 14, 30), '30 minutes ago'],
    [at(2026, 5, 10, 12, 0), '3 hours ago'],
    [at(2026, 5, 9, 8, 0), 'yesterday'],
    [at(2026, 5, 8, 23, 0), '2 days ago'],
    [at(2026, 4, 26), '2 weeks ago'],
    [at(2026, 2, 10), '3 months ago'],
    [at(2024, 5, 1), '2 years ago'],
  ])('%s reads as "%s"', (iso, expected) => {
    expect(relativeTime(iso, NOW)).toBe(expected);
  });
});

describe('daysText', () => {
  it('says today, one day or n days', () => {
    expect(daysText(0)).toBe('Today');
    expect(daysText(1)).toBe('1 day');
    expect(daysText(12)).toBe('12 days');
  });
});
