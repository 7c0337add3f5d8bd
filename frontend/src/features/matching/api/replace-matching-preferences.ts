import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';

import type { MatchingPreferencesWrite, VersionedPreferences } from '../types';

import { matchKeys } from './query-keys';

export interface ReplacePreferencesInput {
  /** The ETag of the version the person started from; a 412 means someone changed it since. */
  etag: string | null;
  preferences: MatchingPreferencesWrite;
}

export async function replaceMatchingPreferences(
  participantId: string,
  { etag, preferences }: ReplacePreferencesInput,
): Promise<VersionedPreferences> {
  const { value, etag: newEtag } = await unwrapVersioned(
    api
      .PUT('/participants/{participant_id}/matching-preferences', {
        params: { path: { participant_id: participantId } },
        ...(etag && { headers: { 'If-Match': etag } }),
        body: preferences,
      }),
  );
  return { value, etag: newEtag };
}

/** Replaces the whole set of preferences; new suggestions follow them. */
export function useReplaceMatchingPreferences(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReplacePreferencesInput) => replaceMatchingPreferences(participantId, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(matchKeys.preferences(participantId), saved);
      return queryClient.invalidateQueries({ queryKey: matchKeys.suggestions(participantId) });
    },
  });
}
