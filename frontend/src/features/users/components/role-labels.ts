import type { UserRole } from '../api/get-users';

export const ROLE_CHOICES: readonly { value: UserRole; label: string; plural: string }[] = [
  { value: 'specialist', label: 'Specialist', plural: 'Specialists' },
  { value: 'supervisor', label: 'Supervisor', plural: 'Supervisors' },
  { value: 'admin', label: 'Admin', plural: 'Admins' },
  { value: 'participant', label: 'Participant', plural: 'Participants' },
];

export function roleLabel(role: string): string {
  return ROLE_CHOICES.find((choice) => choice.value === role)?.label ?? role;
}
