import { describe, expect, it } from 'vitest';

import type { CaseloadEntry } from './api/get-caseload';
import { sortByRiskOrName, sortCaseload } from './caseload-order';

function entry(name: string, overrides: Partial<CaseloadEntry> = {}): CaseloadEntry {
  return {
    participant_id: name,
    preferred_name: name,
    pronouns: null,
    status: 'active',
    risk_level: null,
    last_check_in_at: null,
    last_contact_at: null,
    days_since_last_contact: null,
    plan_progress: {},
    goals_awaiting_agreement: 0,
    ...overrides,
  };
}

const names = (entries: { preferred_name: string }[]) => entries.map((item) => item.preferred_name);

describe('caseload order', () => {
  it('puts the most urgent first, unknown risk last, and breaks ties by name', () => {
    const entries = [
      entry('zoe', { risk_level: 'low' }),
      entry('Émile', { risk_level: 'high' }),
      entry('amir', { risk_level: 'crisis' }),
      entry('bea'),
      entry('eli', { risk_level: 'high' }),
      entry('cal', { risk_level: 'elevated' }),
    ];
    expect(names(sortCaseload(entries, 'risk'))).toEqual(['amir', 'eli', 'Émile', 'cal', 'zoe', 'bea']);
  });

  it('sorts names without regard to case or accents', () => {
    expect(names(sortCaseload([entry('bea'), entry('Álvaro'), entry('carla')], 'name'))).toEqual([
      'Álvaro',
      'bea',
      'carla',
    ]);
  });

  it('puts the longest since a check-in or a contact first, never-seen before anyone', () => {
    const entries = [
      entry('recent', { last_check_in_at: '2026-05-03T10:00:00Z', days_since_last_contact: 1 }),
      entry('never'),
      entry('older', { last_check_in_at: '2026-04-01T10:00:00Z', days_since_last_contact: 30 }),
    ];
    expect(names(sortCaseload(entries, 'last_check_in'))).toEqual(['never', 'older', 'recent']);
    expect(names(sortCaseload(entries, 'last_contact'))).toEqual(['never', 'older', 'recent']);
  });

  it('does not change the list it was given', () => {
    const entries = [entry('b'), entry('a')];
    sortCaseload(entries, 'name');
    expect(names(entries)).toEqual(['b', 'a']);
  });

  it('orders plain participant records by risk or name', () => {
    const items = [
      { preferred_name: 'b', risk_level: null },
      { preferred_name: 'a', risk_level: 'low' as const },
      { preferred_name: 'c', risk_level: 'crisis' as const },
    ];
    expect(names(sortByRiskOrName(items, 'risk'))).toEqual(['c', 'a', 'b']);
    expect(names(sortByRiskOrName(items, 'name'))).toEqual(['a', 'b', 'c']);
  });
});
