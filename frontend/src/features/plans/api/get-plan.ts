import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export function getPlan(planId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/plans/{plan_id}', { params: { path: { plan_id: planId } }, signal }));
}

export function planQueryKey(planId: string) {
  return ['plans', 'plan', planId] as const;
}

export function planQueryOptions(planId: string) {
  return queryOptions({
    queryKey: planQueryKey(planId),
    queryFn: ({ signal }) => getPlan(planId, signal),
  });
}

/** A plan with its goals (and their steps) and progress per dimension. */
export function usePlan(planId: string | undefined) {
  return useQuery({ ...planQueryOptions(planId ?? ''), enabled: planId !== undefined });
}
