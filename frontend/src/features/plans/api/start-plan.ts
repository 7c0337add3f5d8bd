import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

import { planQueryKey } from './get-plan';

export function startPlan(participantId: string, body: Schemas['PlanCreate']) {
  return unwrap(
    api.POST('/participants/{participant_id}/plans', {
      params: { path: { participant_id: participantId } },
      body,
    }),
  );
}

export function useStartPlan(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Schemas['PlanCreate']> = {}) =>
      startPlan(participantId, { strengths: [], barriers: [], carry_over_open_goals: true, ...body }),
    onSuccess: async (plan) => {
      queryClient.setQueryData(planQueryKey(plan.id), plan);
      await queryClient.invalidateQueries({ queryKey: ['plans', participantId] });
    },
  });
}
