import type { Consent, InformationCategory } from '../types';

export const INFORMATION_CATEGORIES: readonly { value: InformationCategory; label: string }[] = [
  { value: 'outcomes', label: 'Outcomes' },
  { value: 'demographics', label: 'Demographics' },
  { value: 'recovery_plan', label: 'Recovery plan' },
  { value: 'check_ins', label: 'Check-ins' },
  { value: 'assessments', label: 'Assessments' },
  { value: 'encounters', label: 'Encounters' },
  { value: 'substance_use_history', label: 'Substance use history' },
];

export function categoryLabel(value: string): string {
  return INFORMATION_CATEGORIES.find((item) => item.value === value)?.label ?? value;
}

export const STATUS_LABELS: Record<Consent['status'], string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
};

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function formatInstantDate(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : DATE_FORMAT.format(date);
}

/** What the consent is about, in a few words: "Enrolment" or "Disclosure to <recipient>". */
export function consentTitle(consent: Consent): string {
  if (consent.kind === 'enrolment') return 'Enrolment consent';
  return `Disclosure to ${consent.recipient_name ?? 'an outcomes recipient'}`;
}
