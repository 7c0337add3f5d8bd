import type { Criterion, CriterionPoints, MatchStatus, PeerMatch } from '../types';

/** Each scoring criterion, as staff read it beside its points. */
export const CRITERION_LABELS: Record<Criterion, string> = {
  recovery_pathway: 'Recovery pathway',
  life_stage: 'Life stage',
  faith: 'Faith or secular',
  veteran: 'Military service',
  justice_involvement: 'Justice involvement',
  lgbtq_affirming: 'LGBTQ+ affirming',
  region: 'Same area',
  substance: 'Substance',
};

/** The same criteria as a participant chooses what matters most, in their words. */
export const PRIORITY_CHOICES: readonly { value: Criterion; label: string }[] = [
  { value: 'recovery_pathway', label: 'Walking the same road to recovery' },
  { value: 'life_stage', label: 'Being about my age' },
  { value: 'faith', label: 'Sharing my view on faith' },
  { value: 'veteran', label: 'Military service' },
  { value: 'justice_involvement', label: 'Experience with the justice system' },
  { value: 'lgbtq_affirming', label: 'Being LGBTQ+ affirming' },
  { value: 'region', label: 'Knowing my area' },
  { value: 'substance', label: 'The same substance' },
];

export const STATUS_LABELS: Record<MatchStatus, string> = {
  proposed: 'Proposed',
  active: 'Active',
  declined: 'Declined',
  ended: 'Ended',
};

/**
 * A peer's gender as matching compares it: exactly. Staff record a specialist's gender and
 * participants state a preference from the same words, so the two can meet.
 */
export const GENDER_PREFERENCES: readonly { value: string; label: string }[] = [
  { value: 'woman', label: 'A woman' },
  { value: 'man', label: 'A man' },
  { value: 'non-binary', label: 'A non-binary person' },
];

export const FAITH_PREFERENCES: readonly { value: 'faith_based' | 'secular'; label: string }[] = [
  { value: 'faith_based', label: 'A peer whose recovery includes faith' },
  { value: 'secular', label: 'A secular peer, who will not bring faith in' },
];

const CRITERIA = new Set<string>(Object.keys(CRITERION_LABELS));

/**
 * A stored match's explanation as criteria with points. The match keeps the explanation it was
 * proposed with as free-form objects: anything that is not a criterion with points is skipped.
 */
export function explanationOf(match: PeerMatch): CriterionPoints[] {
  return match.explanation.flatMap((item) => {
    const { criterion, points, reason } = item as Record<string, unknown>;
    if (typeof criterion !== 'string' || !CRITERIA.has(criterion)) return [];
    if (typeof points !== 'number' || typeof reason !== 'string') return [];
    return [{ criterion: criterion as Criterion, points, reason }];
  });
}

export function points(count: number): string {
  return count === 1 ? '1 point' : `${count} points`;
}

export function days(count: number): string {
  if (count <= 0) return 'less than a day';
  return count === 1 ? '1 day' : `${count} days`;
}

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function formatInstantDate(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : DATE_FORMAT.format(date);
}

/** Open matches first (active, then proposals), then the history, newest first within each. */
export function splitMatches(matches: readonly PeerMatch[]) {
  return {
    active: matches.find((match) => match.status === 'active') ?? null,
    proposed: matches.filter((match) => match.status === 'proposed'),
    history: matches.filter((match) => match.status === 'declined' || match.status === 'ended'),
  };
}
