import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { matchKeys } from './query-keys';

export function getMatches(participantId: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/participants/{participant_id}/matches', {
      params: { path: { participant_id: participantId }, query: { limit: 100 } },
      signal,
    }),
  );
}

export function matchesQueryOptions(participantId: string) {
  return queryOptions({
    queryKey: matchKeys.matches(participantId),
    queryFn: ({ signal }) => getMatches(participantId, signal),
  });
}

/** The participant's matches, newest proposal first: open ones and the history. */
export function useMatches(participantId: string) {
  return useQuery(matchesQueryOptions(participantId));
}
