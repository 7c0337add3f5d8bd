/**
 * How the caseload can be ordered in the browser (the API pages by name). Pure functions, so
 * the orders are easy to test and the same on every screen.
 */
import type { CaseloadEntry, RiskLevel } from './api/get-caseload';

export const SORT_KEYS = ['risk', 'name', 'last_check_in', 'last_contact'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_LABELS: Record<SortKey, string> = {
  risk: 'Most urgent first',
  name: 'Name, A to Z',
  last_check_in: 'Last check-in, longest ago first',
  last_contact: 'Days since contact, most first',
};

// Most urgent first; "not yet known" (no check-in yet) after the known levels.
const RISK_RANK: Record<RiskLevel, number> = { crisis: 0, high: 1, elevated: 2, low: 3 };

export function riskRank(level: RiskLevel | null | undefined): number {
  return level ? RISK_RANK[level] : 4;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function compareNames(a: { preferred_name: string }, b: { preferred_name: string }): number {
  return collator.compare(a.preferred_name, b.preferred_name);
}

function timeOf(iso: string | null | undefined): number {
  // Never checked in counts as the longest ago.
  return iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY;
}

function daysOf(days: number | null | undefined): number {
  // No contact recorded yet counts as the longest without contact.
  return days ?? Number.POSITIVE_INFINITY;
}

type Comparator = (a: CaseloadEntry, b: CaseloadEntry) => number;

const COMPARATORS: Record<SortKey, Comparator> = {
  risk: (a, b) => riskRank(a.risk_level) - riskRank(b.risk_level),
  name: () => 0,
  last_check_in: (a, b) => {
    const [x, y] = [timeOf(a.last_check_in_at), timeOf(b.last_check_in_at)];
    return x === y ? 0 : x < y ? -1 : 1;
  },
  last_contact: (a, b) => {
    const [x, y] = [daysOf(a.days_since_last_contact), daysOf(b.days_since_last_contact)];
    return x === y ? 0 : x > y ? -1 : 1;
  },
};

/** A sorted copy; ties are broken by name so the order is stable and predictable. */
export function sortCaseload(entries: readonly CaseloadEntry[], key: SortKey): CaseloadEntry[] {
  const compare = COMPARATORS[key];
  return [...entries].sort((a, b) => compare(a, b) || compareNames(a, b));
}

/** The same orders for plain participant records, which carry only a name and a risk level. */
export function sortByRiskOrName<T extends { preferred_name: string; risk_level: RiskLevel | null }>(
  items: readonly T[],
  key: 'risk' | 'name',
): T[] {
  return [...items].sort(
    (a, b) => (key === 'risk' ? riskRank(a.risk_level) - riskRank(b.risk_level) : 0) || compareNames(a, b),
  );
}
