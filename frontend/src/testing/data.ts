import type { CurrentUser, Role } from '@/lib/auth/current-user';

import { json, type Handler } from './fetch-mock';

const NAMES: Record<Role, [string, string]> = {
  admin: ['Priya Shah', 'priya.shah@example.org'],
  supervisor: ['Renee Tremblay', 'renee.tremblay@example.org'],
  specialist: ['Marcus Bell', 'marcus.bell@example.org'],
  participant: ['Jose Ramirez', 'jose.ramirez@example.org'],
};

export function makeUser(role: Role, overrides: Partial<CurrentUser> = {}): CurrentUser {
  const [displayName, email] = NAMES[role];
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email,
    role,
    display_name: displayName,
    organisation_id: '00000000-0000-4000-8000-0000000000aa',
    participant_id: role === 'participant' ? '00000000-0000-4000-8000-0000000000bb' : null,
    ...overrides,
  };
}

/** A token response as /auth/token and /auth/refresh send it with cookie delivery. */
export function tokenResponse(accessToken = 'access-1', expiresIn = 900): Response {
  return json({ access_token: accessToken, token_type: 'bearer', expires_in: expiresIn });
}

/** Routes for a browser whose refresh cookie restores a session for `role`. */
export function signedInRoutes(role: Role): Record<string, Handler | Handler[]> {
  return {
    'POST /auth/refresh': () => tokenResponse(),
    'GET /me': () => json(makeUser(role)),
    'POST /auth/logout': () => new Response(null, { status: 204 }),
  };
}
