import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';

import type { SafetyPlan, Versioned } from '../types';

import { crisisKeys } from './query-keys';

/** The current safety plan with its ETag (version 0, blank but for 988, before the first). */
export async function getSafetyPlan(participantId: string, signal?: AbortSignal): Promise<Versioned<SafetyPlan>> {
  const { value, etag } = await unwrapVersioned(
    api
      .GET('/participants/{participant_id}/safety-plan', { params: { path: { participant_id: participantId } }, signal }),
  );
  return { value, etag };
}

export function safetyPlanQueryOptions(participantId: string) {
  return queryOptions({
    queryKey: crisisKeys.safetyPlan(participantId),
    queryFn: ({ signal }) => getSafetyPlan(participantId, signal),
  });
}

export function useSafetyPlan(participantId: string) {
  return useQuery(safetyPlanQueryOptions(participantId));
}
