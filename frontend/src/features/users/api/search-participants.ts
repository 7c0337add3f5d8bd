import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export const PARTICIPANT_SEARCH_LIMIT = 10;

/** A few participants by name, to link a participant account to its record. */
export function searchParticipants(q: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/participants', {
      params: { query: { ...(q ? { q } : {}), limit: PARTICIPANT_SEARCH_LIMIT } },
      signal,
    }),
  );
}

export function participantSearchQueryOptions(q: string) {
  return queryOptions({
    queryKey: ['participants', 'search', q],
    queryFn: ({ signal }) => searchParticipants(q, signal),
  });
}

export function useParticipantSearch(q: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...participantSearchQueryOptions(q),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
