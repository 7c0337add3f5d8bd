import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';

import type { Goal, Versioned } from '../types';

/** A goal with its ETag: the version an edit or an agreement is about. */
export async function getGoal(goalId: string, signal?: AbortSignal): Promise<Versioned<Goal>> {
  const { value, etag } = await unwrapVersioned(
    api.GET('/goals/{goal_id}', { params: { path: { goal_id: goalId } }, signal }),
  );
  return { value, etag };
}

export function goalQueryOptions(goalId: string) {
  return queryOptions({
    queryKey: ['plans', 'goal', goalId],
    queryFn: ({ signal }) => getGoal(goalId, signal),
    // Always read afresh before an edit: the ETag must be the current one.
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useGoal(goalId: string) {
  return useQuery(goalQueryOptions(goalId));
}
