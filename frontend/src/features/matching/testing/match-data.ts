import type { Schemas } from '@/lib/api-client';

export const PARTICIPANT_ID = '00000000-0000-4000-8000-0000000000bb';
export const MARCUS_ID = '00000000-0000-4000-8000-0000000000c1';
export const LUCIA_ID = '00000000-0000-4000-8000-0000000000c2';

export const MARCUS_EXPLANATION: Schemas['CriterionRead'][] = [
  { criterion: 'recovery_pathway', points: 30, reason: 'Shares the recovery pathway: SMART Recovery.' },
  { criterion: 'life_stage', points: 7, reason: 'Born in an adjacent decade.' },
  { criterion: 'substance', points: 4, reason: 'Lived experience with alcohol.' },
];

export function makeMatch(overrides: Partial<Schemas['MatchRead']> = {}): Schemas['MatchRead'] {
  return {
    id: 'match-1',
    participant_id: PARTICIPANT_ID,
    specialist_id: MARCUS_ID,
    specialist_name: 'Marcus Bell',
    status: 'proposed',
    proposed_at: '2026-11-20T15:00:00Z',
    proposed_by_user_id: null,
    activated_at: null,
    declined_at: null,
    decline_reason: null,
    ended_at: null,
    ended_by_user_id: null,
    end_reason: null,
    score: 41,
    explanation: MARCUS_EXPLANATION,
    ...overrides,
  };
}

export function makePreferences(
  overrides: Partial<Schemas['MatchingPreferencesRead']> = {},
): Schemas['MatchingPreferencesRead'] {
  return {
    participant_id: PARTICIPANT_ID,
    gender_preference: null,
    languages: [],
    faith_preference: null,
    veteran: false,
    justice_involved: false,
    wants_lgbtq_affirming: false,
    region: null,
    priorities: [],
    updated_at: null,
    ...overrides,
  };
}

export function page<T>(items: T[]) {
  return { items, next_cursor: null };
}
