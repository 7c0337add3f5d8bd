/** The accounting of disclosures in plain words, for the participant it is about. */
import type { Disclosure } from '../api/get-disclosures';

const CATEGORIES: Record<string, string> = {
  outcomes: 'Your outcome survey answers',
  demographics: 'Details about you, such as age and language',
  recovery_plan: 'Your recovery plan',
  check_ins: 'Your check-ins',
  assessments: 'Your assessments',
  encounters: 'Notes of your contacts with staff',
  substance_use_history: 'Your substance use history',
};

export function categoryText(category: string): string {
  return CATEGORIES[category] ?? category.replace(/_/g, ' ');
}

export const KIND_LABELS: Record<Disclosure['kind'], string> = {
  consented: 'With your consent',
  emergency: 'In a medical emergency',
};

/** Why it was shared, in plain words: the purpose the consent gave, or what the emergency law allows. */
export function whyText(disclosure: Disclosure): string {
  if (disclosure.kind === 'emergency') {
    return 'In a medical emergency, the law lets the program tell the medical staff treating you what they need to know to help you, without asking first. Only what the emergency needed was shared.';
  }
  return disclosure.purpose ?? 'For the purpose you agreed to when you signed your consent.';
}

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

export function formatWhen(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : WHEN.format(date);
}
