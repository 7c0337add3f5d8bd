import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

/** The participant's active plan (there is at most one), or null when none was started. */
export async function getActivePlan(participantId: string, signal?: AbortSignal) {
  const page = await unwrap(
    api.GET('/participants/{participant_id}/plans', {
      params: { path: { participant_id: participantId }, query: { status: 'active', limit: 1 } },
      signal,
    }),
  );
  return page.items[0] ?? null;
}

export function activePlanQueryOptions(participantId: string) {
  return queryOptions({
    queryKey: ['plans', participantId, 'active'],
    queryFn: ({ signal }) => getActivePlan(participantId, signal),
  });
}

export function useActivePlan(participantId: string) {
  return useQuery(activePlanQueryOptions(participantId));
}
