import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

export type AccessLogEntry = Schemas['AccessLogEntry'];

export function getAccessLog({ limit, cursor }: { limit: number; cursor?: string | undefined }, signal?: AbortSignal) {
  return unwrap(
    api.GET('/me/access-log', {
      params: { query: { limit, ...(cursor && { cursor }) } },
      signal,
    }),
  );
}

/** The signed-in participant's access log, newest first, a page at a time. */
export function accessLogQueryOptions(limit = 25) {
  return infiniteQueryOptions({
    queryKey: ['access-log', { limit }],
    queryFn: ({ pageParam, signal }) => getAccessLog({ limit, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

export function useAccessLog(limit = 25) {
  return useInfiniteQuery(accessLogQueryOptions(limit));
}
