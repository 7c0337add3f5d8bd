import type { Dimension, GoalStatus } from '../types';

/** SAMHSA's four dimensions of recovery, in the order the plan shows them. */
export const DIMENSIONS: readonly { value: Dimension; label: string; description: string }[] = [
  { value: 'health', label: 'Health', description: 'Feeling well in body and mind, and making healthy choices.' },
  { value: 'home', label: 'Home', description: 'A stable, safe place to live.' },
  { value: 'purpose', label: 'Purpose', description: 'Meaningful things to do each day: work, school, volunteering, caring, creating.' },
  { value: 'community', label: 'Community', description: 'Relationships and people who offer support, friendship, love and hope.' },
];

export function dimensionLabel(dimension: Dimension): string {
  return DIMENSIONS.find((item) => item.value === dimension)?.label ?? dimension;
}

/** FHIR Goal achievement status, in words people use. */
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  'in-progress': 'In progress',
  improving: 'Improving',
  worsening: 'Worsening',
  'no-change': 'No change',
  achieved: 'Achieved',
  sustaining: 'Sustaining',
  'not-achieved': 'Not achieved',
  'no-progress': 'No progress',
  'not-attainable': 'Not attainable',
};

export const GOAL_STATUS_OPTIONS = (Object.keys(GOAL_STATUS_LABELS) as GoalStatus[]).map((value) => ({
  value,
  label: GOAL_STATUS_LABELS[value],
}));

/** "Jose's", for "Waiting for Jose's agreement". */
export function possessive(name: string): string {
  return `${name}'s`;
}

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** A calendar date (`2026-05-01`) as the reader's locale writes it, with no time-zone shift. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return DATE_FORMAT.format(new Date(year, month - 1, day));
}

/** An instant (ISO 8601) as a date in the reader's time zone. */
export function formatInstantDate(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : DATE_FORMAT.format(date);
}
