import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

export type UserRead = Schemas['UserRead'];
export type UserRole = Schemas['UserCreate']['role'];

export interface UserFilters {
  role?: UserRole;
  active?: boolean;
}

export const USERS_PAGE_SIZE = 50;

export function getUsers(filters: UserFilters, cursor?: string | null, signal?: AbortSignal) {
  return unwrap(
    api.GET('/users', {
      params: { query: { ...filters, limit: USERS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export function usersQueryOptions(filters: UserFilters = {}) {
  return infiniteQueryOptions({
    queryKey: ['users', filters],
    queryFn: ({ pageParam, signal }) => getUsers(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

/** The organisation's accounts, page by page. */
export function useUsers(filters: UserFilters = {}) {
  return useInfiniteQuery({ ...usersQueryOptions(filters), placeholderData: keepPreviousData });
}
