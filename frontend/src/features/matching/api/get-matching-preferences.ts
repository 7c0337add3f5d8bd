import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';

import type { VersionedPreferences } from '../types';

import { matchKeys } from './query-keys';

export async function getMatchingPreferences(
  participantId: string,
  signal?: AbortSignal,
): Promise<VersionedPreferences> {
  const { value, etag } = await unwrapVersioned(
    api
      .GET('/participants/{participant_id}/matching-preferences', {
        params: { path: { participant_id: participantId } },
        signal,
      }),
  );
  return { value, etag };
}

export function matchingPreferencesQueryOptions(participantId: string) {
  return queryOptions({
    queryKey: matchKeys.preferences(participantId),
    queryFn: ({ signal }) => getMatchingPreferences(participantId, signal),
  });
}

/** What the participant wants in a peer (defaults while none are stated), and its ETag. */
export function useMatchingPreferences(participantId: string) {
  return useQuery(matchingPreferencesQueryOptions(participantId));
}
