/** Words for the outcome survey's timepoints, answers and due states, and date formatting. */
import type { DueStatus, Employment, Housing, OutcomeSurvey, Timepoint } from '../types';

export const TIMEPOINTS: readonly { value: Timepoint; label: string }[] = [
  { value: 'intake', label: 'Intake' },
  { value: 'followup_6mo', label: 'Six-month follow-up' },
  { value: 'discharge', label: 'Discharge' },
];

export function timepointLabel(timepoint: Timepoint): string {
  return TIMEPOINTS.find((item) => item.value === timepoint)?.label ?? timepoint;
}

export const HOUSING: readonly { value: Housing; label: string }[] = [
  { value: 'stable', label: 'Stable' },
  { value: 'unstable', label: 'Unstable (temporary, couch surfing, at risk of losing it)' },
  { value: 'homeless', label: 'Homeless' },
];

export const HOUSING_SHORT: Record<Housing, string> = {
  stable: 'Stable',
  unstable: 'Unstable',
  homeless: 'Homeless',
};

export const EMPLOYMENT: readonly { value: Employment; label: string }[] = [
  { value: 'employed_full_time', label: 'Employed full time' },
  { value: 'employed_part_time', label: 'Employed part time' },
  { value: 'in_education', label: 'In education or training' },
  { value: 'unemployed', label: 'Unemployed (looking for work)' },
  { value: 'not_in_labour_force', label: 'Not in the labour force (not looking for work)' },
];

export const EMPLOYMENT_SHORT: Record<Employment, string> = {
  employed_full_time: 'Full time',
  employed_part_time: 'Part time',
  in_education: 'In education',
  unemployed: 'Unemployed',
  not_in_labour_force: 'Not in labour force',
};

export const SATISFACTION: readonly { value: number; label: string }[] = [
  { value: 1, label: 'Very dissatisfied' },
  { value: 2, label: 'Dissatisfied' },
  { value: 3, label: 'Neither' },
  { value: 4, label: 'Satisfied' },
  { value: 5, label: 'Very satisfied' },
];

/** The five past-30-day counts, in the order the survey asks them. */
export const DAY_COUNTS = [
  { name: 'alcohol_days', label: 'Days they drank alcohol', short: 'Days drinking alcohol' },
  { name: 'drug_days', label: 'Days they used drugs', short: 'Days using drugs' },
  { name: 'arrests', label: 'Times arrested', short: 'Arrests' },
  { name: 'er_visits', label: 'Emergency room visits', short: 'ER visits' },
  { name: 'inpatient_nights', label: 'Nights in hospital as an inpatient', short: 'Inpatient nights' },
] as const satisfies readonly { name: keyof OutcomeSurvey; label: string; short: string }[];

export type DayCount = (typeof DAY_COUNTS)[number]['name'];

export const DUE_STATUS_LABELS: Record<DueStatus, string> = {
  upcoming: 'Coming up',
  due: 'Due now',
  overdue: 'Overdue',
};

/** A calendar day (`2026-11-18`), read as that day wherever the reader is. */
export function parseDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1);
}

const DAY_FORMAT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDay(day: string): string {
  const parsed = parseDay(day);
  return Number.isNaN(parsed.getTime()) ? day : DAY_FORMAT.format(parsed);
}

/** Today as a calendar day in the reader's time zone (`2026-11-18`). */
export function today(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const date = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${date}`;
}

/**
 * The latest day a survey can be dated: the server dates by UTC, so where the UTC day is
 * already tomorrow (an evening in the Americas) that day is allowed too. The server decides.
 */
export function latestSurveyDay(now: Date = new Date()): string {
  const utc = now.toISOString().slice(0, 10);
  const local = today(now);
  return utc > local ? utc : local;
}

/** Whole days from `from` to `to` (both calendar days); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** How the window stands today, in a few words: "opens in 5 days", "closes in 3 days"… */
export function windowNote(item: { status: DueStatus; window_opens_on: string; window_closes_on: string }, on = today()): string {
  if (item.status === 'upcoming') {
    const days = daysBetween(on, item.window_opens_on);
    return days <= 0 ? 'Opens today' : `Opens in ${plural(days, 'day')}`;
  }
  if (item.status === 'due') {
    const days = daysBetween(on, item.window_closes_on);
    return days <= 0 ? 'Closes today' : `Closes in ${plural(days, 'day')}`;
  }
  const days = daysBetween(item.window_closes_on, on);
  return `Closed ${plural(Math.max(days, 1), 'day')} ago`;
}
