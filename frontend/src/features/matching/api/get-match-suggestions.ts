import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { matchKeys } from './query-keys';

export const SUGGESTION_LIMIT = 5;

export function getMatchSuggestions(participantId: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/participants/{participant_id}/match-suggestions', {
      params: { path: { participant_id: participantId }, query: { limit: SUGGESTION_LIMIT } },
      signal,
    }),
  );
}

export function matchSuggestionsQueryOptions(participantId: string) {
  return queryOptions({
    queryKey: matchKeys.suggestions(participantId),
    queryFn: ({ signal }) => getMatchSuggestions(participantId, signal),
  });
}

/** Specialists who fit the participant best, each with its score explained (staff only). */
export function useMatchSuggestions(participantId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...matchSuggestionsQueryOptions(participantId), enabled: options.enabled ?? true });
}
