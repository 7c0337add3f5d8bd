import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { crisisKeys } from './query-keys';

export function getCrisisContacts(participantId: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/participants/{participant_id}/crisis-contacts', {
      params: { path: { participant_id: participantId } },
      signal,
    }),
  );
}

export function crisisContactsQueryOptions(participantId: string) {
  return queryOptions({
    queryKey: crisisKeys.contacts(participantId),
    queryFn: ({ signal }) => getCrisisContacts(participantId, signal),
  });
}

/** The contacts in the order to call them: the matched specialist first, 988 always listed. */
export function useCrisisContacts(participantId: string) {
  return useQuery(crisisContactsQueryOptions(participantId));
}
