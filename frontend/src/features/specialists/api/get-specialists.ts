import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export const SPECIALISTS_PAGE_SIZE = 50;

export function getSpecialists(cursor?: string | null, signal?: AbortSignal) {
  return unwrap(
    api.GET('/specialists', {
      params: { query: { limit: SPECIALISTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export function specialistsQueryOptions() {
  return infiniteQueryOptions({
    // Under ['specialists'], so a change to a profile refreshes every list of specialists.
    queryKey: ['specialists', 'profiles'],
    queryFn: ({ pageParam, signal }) => getSpecialists(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

/** The organisation's active specialists and their profiles, page by page. */
export function useSpecialists() {
  return useInfiniteQuery(specialistsQueryOptions());
}
