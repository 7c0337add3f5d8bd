import type { CssrsRisk } from '../types';

export const INSTRUMENT_NAMES = {
  barc10: 'BARC-10',
  cssrs_screen: 'C-SSRS screen',
} as const;

export const RISK_LABELS: Record<CssrsRisk, string> = {
  low: 'Low risk',
  moderate: 'Moderate risk',
  high: 'High risk',
};

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const DATE_TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : DATE_FORMAT.format(date);
}

export function formatDateTime(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : DATE_TIME_FORMAT.format(date);
}
