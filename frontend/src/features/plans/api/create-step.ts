import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

import { planQueryKey } from './get-plan';

export function createStep(goalId: string, body: Schemas['StepCreate']) {
  return unwrap(api.POST('/goals/{goal_id}/steps', { params: { path: { goal_id: goalId } }, body }));
}

export function useCreateStep(planId: string, goalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['StepCreate']) => createStep(goalId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
  });
}
