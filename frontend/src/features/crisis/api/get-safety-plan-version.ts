import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { crisisKeys } from './query-keys';

export function getSafetyPlanVersion(participantId: string, version: number, signal?: AbortSignal) {
  return unwrap(
    api.GET('/participants/{participant_id}/safety-plan/versions/{version}', {
      params: { path: { participant_id: participantId, version } },
      signal,
    }),
  );
}

export function safetyPlanVersionQueryOptions(participantId: string, version: number) {
  return queryOptions({
    queryKey: crisisKeys.safetyPlanVersion(participantId, version),
    queryFn: ({ signal }) => getSafetyPlanVersion(participantId, version, signal),
    // A written version never changes.
    staleTime: Infinity,
  });
}

/** One earlier version of the safety plan, read-only. */
export function useSafetyPlanVersion(participantId: string, version: number) {
  return useQuery(safetyPlanVersionQueryOptions(participantId, version));
}
