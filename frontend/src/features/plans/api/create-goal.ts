import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

import { planQueryKey } from './get-plan';

export function createGoal(planId: string, body: Schemas['GoalCreate']) {
  return unwrap(api.POST('/plans/{plan_id}/goals', { params: { path: { plan_id: planId } }, body }));
}

/** Staff goals wait for the participant's agreement; the participant's own are agreed at once. */
export function useCreateGoal(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['GoalCreate']) => createGoal(planId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
  });
}
