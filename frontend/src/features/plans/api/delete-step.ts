import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { planQueryKey } from './get-plan';

export function deleteStep(stepId: string) {
  return unwrap(api.DELETE('/steps/{step_id}', { params: { path: { step_id: stepId } } }));
}

export function useDeleteStep(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteStep,
    onSettled: () => queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
  });
}
