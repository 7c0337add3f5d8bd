import type { IntegratorScope } from '../types';

export const SCOPES: readonly { value: IntegratorScope; label: string; description: string }[] = [
  {
    value: 'outcomes:read',
    label: 'Read outcome data (outcomes:read)',
    description:
      'The outcome summary, and the outcome surveys of participants who consented to share them with this client, under a pseudonym.',
  },
];

export function scopeLabel(scope: string): string {
  return SCOPES.find((item) => item.value === scope)?.label ?? scope;
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatInstant(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : DATE_TIME.format(date);
}
