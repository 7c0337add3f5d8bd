import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { crisisKeys } from './query-keys';

export const SAFETY_PLAN_VERSIONS_PAGE_SIZE = 20;

export function getSafetyPlanVersions(participantId: string, cursor?: string | null, signal?: AbortSignal) {
  return unwrap(
    api.GET('/participants/{participant_id}/safety-plan/versions', {
      params: {
        path: { participant_id: participantId },
        query: { limit: SAFETY_PLAN_VERSIONS_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
      },
      signal,
    }),
  );
}

export function safetyPlanVersionsQueryOptions(participantId: string) {
  return infiniteQueryOptions({
    queryKey: crisisKeys.safetyPlanVersions(participantId),
    queryFn: ({ pageParam, signal }) => getSafetyPlanVersions(participantId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

/** Every version of the safety plan, newest first, page by page. */
export function useSafetyPlanVersions(participantId: string) {
  return useInfiniteQuery(safetyPlanVersionsQueryOptions(participantId));
}
