import type { Dimension, EncounterMode } from '../types';

export const MODES: readonly { value: EncounterMode; label: string }[] = [
  { value: 'in_person', label: 'In person' },
  { value: 'phone', label: 'Phone' },
  { value: 'video', label: 'Video' },
  { value: 'text', label: 'Text message' },
  { value: 'outreach', label: 'Outreach' },
  { value: 'group', label: 'Group' },
];

export const DIMENSIONS: readonly { value: Dimension; label: string }[] = [
  { value: 'health', label: 'Health' },
  { value: 'home', label: 'Home' },
  { value: 'purpose', label: 'Purpose' },
  { value: 'community', label: 'Community' },
];

export function modeLabel(mode: EncounterMode): string {
  return MODES.find((item) => item.value === mode)?.label ?? mode;
}

export function dimensionLabel(dimension: Dimension): string {
  return DIMENSIONS.find((item) => item.value === dimension)?.label ?? dimension;
}

export function units(count: number): string {
  return count === 1 ? '1 billable unit' : `${count} billable units`;
}

const DATE_TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : DATE_TIME_FORMAT.format(date);
}

/** Now, as a `datetime-local` input wants it (local time, minutes). */
export function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
