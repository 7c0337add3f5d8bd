import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export function getEncounters(participantId: string, cursor?: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/participants/{participant_id}/encounters', {
      params: { path: { participant_id: participantId }, query: { limit: 20, ...(cursor && { cursor }) } },
      signal,
    }),
  );
}

export function encountersQueryOptions(participantId: string) {
  return infiniteQueryOptions({
    queryKey: ['encounters', participantId],
    queryFn: ({ pageParam, signal }) => getEncounters(participantId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

/** The contact log, newest first, a page at a time. */
export function useEncounters(participantId: string) {
  return useInfiniteQuery(encountersQueryOptions(participantId));
}
