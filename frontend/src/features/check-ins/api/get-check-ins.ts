import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { checkInsQueryKey } from './query-keys';

export function getCheckIns(
  participantId: string,
  { limit, cursor }: { limit?: number; cursor?: string | undefined },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/participants/{participant_id}/check-ins', {
      params: {
        path: { participant_id: participantId },
        query: { ...(limit !== undefined && { limit }), ...(cursor && { cursor }) },
      },
      signal,
    }),
  );
}

/** Newest first, a page at a time ("Show more"). */
export function checkInsQueryOptions(participantId: string, limit = 10) {
  return infiniteQueryOptions({
    queryKey: [...checkInsQueryKey(participantId), 'list', { limit }],
    queryFn: ({ pageParam, signal }) => getCheckIns(participantId, { limit, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

export function useCheckIns(participantId: string, limit = 10) {
  return useInfiniteQuery(checkInsQueryOptions(participantId, limit));
}
