/**
 * The access log in plain words. The API names each entry's action after the operation that
 * was called (`read_participant`, `list_check_ins`, ...): the ones a participant's record can
 * show are worded here, addressed to the participant; any other is described from its name.
 */
import type { AccessLogEntry } from '../api/get-access-log';

const ACTIONS: Record<string, string> = {
  // Profile and enrolment
  read_participant: 'Viewed your profile',
  update_participant: 'Updated your profile',
  intake_participant: 'Enrolled you in the programme',
  withdraw_participant: 'Recorded your withdrawal from the programme',
  list_participants: 'Looked you up in the participant list',
  // Check-ins
  list_check_ins: 'Viewed your check-ins',
  create_check_in: 'Recorded a check-in for you',
  read_check_in_trend: 'Viewed your check-ins over time',
  // Consents
  list_consents: 'Viewed your consents',
  read_consent: 'Viewed one of your consents',
  create_consent: 'Recorded a consent you signed',
  revoke_consent: 'Recorded that you revoked a consent',
  // Recovery plan
  list_plans: 'Viewed your recovery plans',
  read_plan: 'Viewed your recovery plan',
  start_plan: 'Started a new recovery plan with you',
  update_plan: 'Updated your recovery plan',
  list_goals: 'Viewed your goals',
  read_goal: 'Viewed one of your goals',
  add_goal: 'Added a goal to your plan',
  update_goal: 'Changed one of your goals',
  agree_to_goal: 'Recorded your agreement to a goal',
  list_steps: 'Viewed the steps towards a goal',
  read_step: 'Viewed a step towards a goal',
  add_step: 'Added a step towards a goal',
  update_step: 'Updated a step towards a goal',
  delete_step: 'Removed a step towards a goal',
  // Assessments
  list_assessments: 'Viewed your assessments',
  read_assessment: 'Viewed one of your assessments',
  record_assessment: 'Recorded an assessment with you',
  read_assessment_trend: 'Viewed your assessment results over time',
  // Contacts with your peer specialist
  list_encounters: 'Viewed the log of your contacts',
  read_encounter: 'Viewed a contact from the log',
  create_encounter: 'Logged a contact with you',
  update_encounter: 'Updated a contact in the log',
  // Matching, crisis support and sharing
  read_match_suggestions: 'Looked at peer specialists who could be a good match for you',
  propose_match: 'Suggested a peer specialist for you',
  accept_match: 'Recorded that you accepted a peer specialist',
  decline_match: 'Recorded that you declined a peer specialist',
  end_match: 'Ended a peer specialist match',
  list_crisis_contacts: 'Viewed your crisis contacts',
  read_safety_plan: 'Viewed your safety plan',
  write_safety_plan: 'Updated your safety plan',
  create_crisis_event: 'Responded to your request for help',
  list_disclosures: 'Viewed the record of what was shared about you',
  export_outcomes: 'Shared your outcome answers under a consent you signed',
  list_outcome_surveys: 'Viewed your outcome surveys',
  record_outcome_survey: 'Recorded an outcome survey with you',
};

const VERBS: Record<string, string> = {
  read: 'Viewed',
  list: 'Viewed',
  get: 'Viewed',
  create: 'Added',
  add: 'Added',
  record: 'Recorded',
  update: 'Changed',
  write: 'Changed',
  delete: 'Removed',
  revoke: 'Revoked',
};

/** "Viewed your profile" for a known action; "Viewed safety plan" from an unknown `read_safety_plan`. */
export function describeAction(action: string): string {
  const known = ACTIONS[action];
  if (known) return known;
  const [verb = '', ...rest] = action.split(/[_\s-]+/).filter(Boolean);
  if (!verb) return 'Opened your record';
  const mapped = VERBS[verb.toLowerCase()];
  const words = [mapped ?? verb.charAt(0).toUpperCase() + verb.slice(1).toLowerCase(), ...rest];
  return words.join(' ');
}

const ROLES: Record<string, string> = {
  specialist: 'Peer specialist',
  supervisor: 'Supervisor',
  admin: 'Administrator',
  participant: 'Participant',
};

export function describeRole(role: string | null): string | null {
  if (!role) return null;
  return ROLES[role] ?? role.charAt(0).toUpperCase() + role.slice(1);
}

const OUTCOMES: Record<AccessLogEntry['outcome'], string> = {
  success: 'Allowed',
  denied: 'Blocked: they were not allowed',
  failed: "Didn't go through",
};

export function describeOutcome(outcome: AccessLogEntry['outcome']): string {
  return OUTCOMES[outcome] ?? outcome;
}
