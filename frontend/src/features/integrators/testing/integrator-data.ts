/** Test data for the integrators page (tests only). */
import type { IntegratorClient, RegisteredClient } from '../types';

export function makeClient(overrides: Partial<IntegratorClient> = {}): IntegratorClient {
  return {
    client_id: '5e1f0a3c-9d2b-4c7e-8f60-000000000988',
    organisation_id: '00000000-0000-4000-8000-0000000000aa',
    name: 'State Opioid Response evaluation team',
    scopes: ['outcomes:read'],
    created_at: '2026-01-05T15:00:00Z',
    created_by_user_id: null,
    revoked_at: null,
    last_used_at: '2026-03-01T09:30:00Z',
    ...overrides,
  };
}

export const SECRET = 'kq3Yc0Jt4n0W_s3cr3t-only-once-9xQ';

export function makeRegistered(overrides: Partial<RegisteredClient> = {}): RegisteredClient {
  return {
    ...makeClient({
      client_id: '7a7a7a7a-1111-4222-8333-444455556666',
      name: 'County health data office',
      created_at: '2026-03-02T15:00:00Z',
      last_used_at: null,
    }),
    client_secret: SECRET,
    ...overrides,
  };
}
