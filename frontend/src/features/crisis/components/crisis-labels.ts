import type { ContactKind, CrisisContact, SafetyPlanStep } from '../types';

export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  specialist: 'Peer specialist',
  peer_mentor: 'Peer mentor or sponsor',
  family: 'Family',
  friend: 'Friend',
  clinician: 'Clinician or counsellor',
  hotline: 'Crisis line',
};

export const CONTACT_KIND_OPTIONS = (Object.keys(CONTACT_KIND_LABELS) as ContactKind[]).map((value) => ({
  value,
  label: CONTACT_KIND_LABELS[value],
}));

export interface SafetyPlanStepInfo {
  key: SafetyPlanStep;
  number: number;
  /** The step in plain words, in the participant's voice. */
  title: string;
  description: string;
  /** One line of the step, for labels: "Warning sign 2". */
  line: string;
}

/** The Stanley-Brown Safety Planning Intervention's six steps, in order. */
export const SAFETY_PLAN_STEPS: readonly SafetyPlanStepInfo[] = [
  {
    key: 'warning_signs',
    number: 1,
    title: 'My warning signs',
    description: 'Thoughts, feelings, moods or situations that tell me a crisis may be coming.',
    line: 'Warning sign',
  },
  {
    key: 'internal_coping',
    number: 2,
    title: 'Things I can do on my own',
    description: 'What takes my mind off my problems without contacting anyone.',
    line: 'Thing to do on my own',
  },
  {
    key: 'social_distractions',
    number: 3,
    title: 'People and places that take my mind off things',
    description: 'People to be with and places to go when I need a distraction.',
    line: 'Person or place',
  },
  {
    key: 'people_to_ask',
    number: 4,
    title: 'People I can ask for help',
    description: 'People I trust to talk to when I am struggling.',
    line: 'Person to ask',
  },
  {
    key: 'professionals',
    number: 5,
    title: 'Professionals and crisis lines I can call',
    description: 'Clinicians, services and crisis lines. The 988 Lifeline is always listed here.',
    line: 'Professional or crisis line',
  },
  {
    key: 'environment_safety',
    number: 6,
    title: 'Making my surroundings safe',
    description: 'What I will do to keep things I could use to hurt myself out of reach.',
    line: 'Step to stay safe',
  },
];

/** A US number in E.164 (`+15035550121`) as people write it, `(503) 555-0121`; others as they are. */
export function formatPhone(phone: string): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : phone;
}

/** Who a contact is in the list, in words: 988's and the matched specialist's place is fixed. */
export function contactRole(contact: CrisisContact): string {
  if (contact.is_lifeline) return 'Call or text, any time, day or night';
  if (contact.managed_by_match) return 'Your peer specialist';
  return CONTACT_KIND_LABELS[contact.kind];
}

const DATE_TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDateTime(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : DATE_TIME_FORMAT.format(date);
}

export function formatInstantDate(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : DATE_FORMAT.format(date);
}

const WRITER_ROLES: Record<string, string> = {
  specialist: 'a peer specialist',
  supervisor: 'a supervisor',
};

/** Who wrote a version: the participant by name, staff by role. */
export function writtenBy(role: string | null, participantName: string): string {
  if (!role) return '';
  if (role === 'participant') return participantName;
  return WRITER_ROLES[role] ?? role;
}
