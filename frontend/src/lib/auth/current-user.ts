/**
 * The signed-in account (`GET /me`). It lives in lib/ rather than in a feature because every
 * feature may need the caller's role or participant id, and features do not import each other.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

import { useSession } from './use-session';

export const ROLES = ['admin', 'supervisor', 'specialist', 'participant'] as const;
export type Role = (typeof ROLES)[number];

export type CurrentUser = Omit<Schemas['MeRead'], 'role'> & { role: Role };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export async function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  const me = await unwrap(api.GET('/me', { signal }));
  if (!isRole(me.role)) throw new Error(`Unknown role: ${me.role}`);
  return { ...me, role: me.role };
}

export const currentUserQueryKey = ['me'] as const;

export function currentUserQueryOptions() {
  return queryOptions({
    queryKey: currentUserQueryKey,
    queryFn: ({ signal }) => getCurrentUser(signal),
    staleTime: 5 * 60_000,
  });
}

/** The signed-in account; not fetched while signed out. */
export function useCurrentUser() {
  const { status } = useSession();
  return useQuery({ ...currentUserQueryOptions(), enabled: status === 'signed-in' });
}
