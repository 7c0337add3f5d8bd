/**
 * The summary's measures in words, and its figures as text. Pure functions: the charts, the
 * table and the summaries read their figures from here, so all three say the same.
 */
import type { MeasureSummary, SummaryCell } from '../types';

export type MeasureKind = 'percent' | 'mean' | 'rating';

export interface MeasureInfo {
  title: string;
  kind: MeasureKind;
}

const MEASURES: Record<string, MeasureInfo> = {
  no_use: { title: 'No alcohol or drug use', kind: 'percent' },
  stably_housed: { title: 'Stably housed', kind: 'percent' },
  arrests: { title: 'Arrests', kind: 'mean' },
  er_visits: { title: 'Emergency room visits', kind: 'mean' },
  inpatient_nights: { title: 'Nights in hospital', kind: 'mean' },
  employed: { title: 'Employed', kind: 'percent' },
  in_treatment: { title: 'In treatment', kind: 'percent' },
  satisfaction: { title: 'Satisfaction with the program', kind: 'rating' },
  social_support: { title: 'Social support', kind: 'percent' },
};

/** A measure's short title and kind; one the app does not know yet is read from its description. */
export function measureInfo(measure: Pick<MeasureSummary, 'measure' | 'description'>): MeasureInfo {
  return (
    MEASURES[measure.measure] ?? {
      title: measure.description.replace(/^%\s*/, ''),
      kind: measure.description.trim().startsWith('%') ? 'percent' : 'mean',
    }
  );
}

export const SUMMARY_COLUMNS = ['intake', 'followup_6mo', 'discharge'] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];
export type ChangeColumn = 'change_to_followup_6mo' | 'change_to_discharge';

export const COLUMN_LABELS: Record<SummaryColumn | ChangeColumn, string> = {
  intake: 'Intake',
  followup_6mo: 'Six-month follow-up',
  discharge: 'Discharge',
  change_to_followup_6mo: 'Change to follow-up',
  change_to_discharge: 'Change to discharge',
};

/** What a cell shows: a figure, a suppressed one, or one that cannot exist (satisfaction at intake). */
export type CellState = 'value' | 'suppressed' | 'not-asked' | 'none';

/**
 * Satisfaction is not asked at intake, so its intake figure and the change from it cover nobody.
 * The server reports such cells as suppressed (it cannot tell them from small ones): saying
 * "not asked" is the truth there.
 */
export function cellState(measure: MeasureSummary, column: SummaryColumn | ChangeColumn): CellState {
  const cell: SummaryCell = measure[column];
  if (!cell.suppressed) return cell.value === null || cell.n === null ? 'none' : 'value';
  if (measure.measure === 'satisfaction' && column !== 'followup_6mo' && column !== 'discharge') return 'not-asked';
  return 'suppressed';
}

function decimals(kind: MeasureKind): number {
  return kind === 'percent' ? 1 : 2;
}

export function formatFigure(kind: MeasureKind, value: number): string {
  const text = value.toFixed(decimals(kind));
  if (kind === 'percent') return `${text}%`;
  if (kind === 'rating') return `${text} of 5`;
  return text;
}

/** A change from intake, signed: "+44.7 points" for a share, "−0.36" for a mean. */
export function formatChange(kind: MeasureKind, value: number): string {
  const magnitude = Math.abs(value).toFixed(decimals(kind));
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return kind === 'percent' ? `${sign}${magnitude} points` : `${sign}${magnitude}`;
}

export function suppressedText(minimumCellSize: number): string {
  return `Suppressed (fewer than ${minimumCellSize} people)`;
}

/** One cell as text, with the number of people it covers. */
export function cellText(measure: MeasureSummary, column: SummaryColumn | ChangeColumn, minimumCellSize: number): string {
  const state = cellState(measure, column);
  if (state === 'suppressed') return suppressedText(minimumCellSize);
  if (state === 'not-asked') return 'Not asked at intake';
  const cell = measure[column];
  if (state === 'none' || cell.value === null) return 'No figure';
  const { kind } = measureInfo(measure);
  const figure = column.startsWith('change_') ? formatChange(kind, cell.value) : formatFigure(kind, cell.value);
  return `${figure} (n = ${cell.n})`;
}

/** The measure in one or two sentences: each timepoint, then the change from intake. */
export function measureSentence(measure: MeasureSummary, minimumCellSize: number): string {
  const figures = SUMMARY_COLUMNS.map(
    (column) => `${COLUMN_LABELS[column]}: ${cellText(measure, column, minimumCellSize)}.`,
  );
  return `${measure.description}. ${figures.join(' ')}`;
}

export function changeSentence(measure: MeasureSummary, minimumCellSize: number): string {
  if (cellState(measure, 'change_to_followup_6mo') === 'not-asked' && cellState(measure, 'change_to_discharge') === 'not-asked') {
    return 'No change from intake: it is not asked at intake.';
  }
  const states = [cellState(measure, 'change_to_followup_6mo'), cellState(measure, 'change_to_discharge')];
  if (states.every((state) => state === 'suppressed')) {
    return `Change from intake: suppressed (fewer than ${minimumCellSize} people have both surveys).`;
  }
  const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
  const followUp = lower(cellText(measure, 'change_to_followup_6mo', minimumCellSize));
  const discharge = lower(cellText(measure, 'change_to_discharge', minimumCellSize));
  return `Change from intake, same people: by the follow-up ${followUp}; by discharge ${discharge}.`;
}
