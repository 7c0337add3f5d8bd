import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export function getConsents(participantId: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/participants/{participant_id}/consents', {
      params: { path: { participant_id: participantId }, query: { limit: 100 } },
      signal,
    }),
  );
}

export function consentsQueryOptions(participantId: string) {
  return queryOptions({
    queryKey: ['consents', participantId],
    queryFn: ({ signal }) => getConsents(participantId, signal),
  });
}

/** The participant's enrolment and disclosure consents, with their status. */
export function useConsents(participantId: string) {
  return useQuery(consentsQueryOptions(participantId));
}
