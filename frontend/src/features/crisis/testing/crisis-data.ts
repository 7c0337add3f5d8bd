import type { CrisisContact, CrisisPlan, SafetyPlan } from '../types';

export const PARTICIPANT_ID = '00000000-0000-4000-8000-0000000000bb';

export function makeContact(overrides: Partial<CrisisContact> = {}): CrisisContact {
  return {
    id: 'contact-ana',
    kind: 'family',
    name: 'Ana (my daughter)',
    phone: '+15035550121',
    position: 2,
    may_contact: true,
    is_lifeline: false,
    managed_by_match: false,
    ...overrides,
  };
}

export const SPECIALIST = makeContact({
  id: 'match-1',
  kind: 'specialist',
  name: 'Lucía Morales',
  phone: '+15035550191',
  position: 0,
  managed_by_match: true,
});

export const LIFELINE = makeContact({
  id: 'contact-988',
  kind: 'hotline',
  name: '988 Suicide & Crisis Lifeline',
  phone: '988',
  position: 1,
  is_lifeline: true,
});

export const ANA = makeContact();

export const DR_OKAFOR = makeContact({
  id: 'contact-okafor',
  kind: 'clinician',
  name: 'Dr. Okafor',
  phone: '+15035550123',
  position: 3,
  may_contact: false,
});

export const CONTACTS: CrisisContact[] = [SPECIALIST, LIFELINE, ANA, DR_OKAFOR];

export function makeSafetyPlan(overrides: Partial<SafetyPlan> = {}): SafetyPlan {
  return {
    participant_id: PARTICIPANT_ID,
    version: 2,
    warning_signs: ['Skipping Mass two Sundays in a row'],
    internal_coping: ['Walk the dog'],
    social_distractions: [],
    people_to_ask: ['Ana, my daughter'],
    professionals: ['988 Suicide & Crisis Lifeline: call or text 988, any time'],
    environment_safety: ['Keep my medication in the lockbox'],
    written_by_user_id: '00000000-0000-4000-8000-000000000001',
    written_by_role: 'participant',
    created_at: '2026-03-02T15:00:00Z',
    ...overrides,
  };
}

export function makeCrisisPlan(overrides: Partial<CrisisPlan> = {}): CrisisPlan {
  return { participant_id: PARTICIPANT_ID, contacts: CONTACTS, safety_plan: makeSafetyPlan(), ...overrides };
}
