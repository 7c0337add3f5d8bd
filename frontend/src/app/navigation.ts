/**
 * Which pages each role works in. The header's links and the landing page after sign-in
 * come from here: add a link by adding an entry (and its route in router.tsx).
 */
import type { Role } from '@/lib/auth/current-user';

export interface NavLinkItem {
  to: string;
  label: string;
}

export const NAVIGATION: Record<Role, readonly NavLinkItem[]> = {
  specialist: [
    { to: '/caseload', label: 'Caseload' },
    { to: '/alerts', label: 'Alerts' },
    { to: '/surveys-due', label: 'Surveys due' },
    { to: '/participants/new', label: 'New intake' },
  ],
  supervisor: [
    { to: '/participants', label: 'Participants' },
    { to: '/caseload', label: 'My caseload' },
    { to: '/alerts', label: 'Alerts' },
    { to: '/surveys-due', label: 'Surveys due' },
    { to: '/outcomes', label: 'Outcomes' },
    { to: '/caseload-balance', label: 'Caseload balance' },
    { to: '/specialists', label: 'Specialists' },
    { to: '/participants/new', label: 'New intake' },
  ],
  admin: [
    { to: '/admin/users', label: 'Users' },
    { to: '/specialists', label: 'Specialists' },
    { to: '/participants', label: 'Participants' },
    { to: '/outcomes', label: 'Outcomes' },
    { to: '/admin/integrators', label: 'Integrators' },
  ],
  participant: [
    { to: '/me/plan', label: 'My plan' },
    { to: '/me/crisis-plan', label: 'My crisis plan' },
    { to: '/me/check-in', label: 'Check in' },
    { to: '/me/match', label: 'My peer match' },
    { to: '/me/access-log', label: 'Who viewed my record' },
    { to: '/me/disclosures', label: 'My disclosures' },
  ],
};

/** Where a role lands after signing in: its first link. */
export function homePathFor(role: Role): string {
  return NAVIGATION[role][0]?.to ?? '/';
}

/** A same-app path from `?next=`, or null: never an absolute or protocol-relative URL. */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return null;
  }
  return next.startsWith('/sign-in') ? null : next;
}
