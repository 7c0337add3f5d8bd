import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';

import type { VersionedParticipant } from '../types';

export async function getParticipant(participantId: string, signal?: AbortSignal): Promise<VersionedParticipant> {
  const { value, etag } = await unwrapVersioned(
    api
      .GET('/participants/{participant_id}', { params: { path: { participant_id: participantId } }, signal }),
  );
  return { value, etag };
}

export function participantQueryKey(participantId: string) {
  return ['participant', participantId] as const;
}

export function participantQueryOptions(participantId: string) {
  return queryOptions({
    queryKey: participantQueryKey(participantId),
    queryFn: ({ signal }) => getParticipant(participantId, signal),
  });
}

/** The participant's record (`value`) and its ETag. */
export function useParticipant(participantId: string) {
  return useQuery(participantQueryOptions(participantId));
}
