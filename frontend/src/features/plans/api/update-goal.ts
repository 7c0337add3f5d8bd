import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

import { planQueryKey } from './get-plan';

export interface UpdateGoalInput {
  goalId: string;
  /** The ETag of the version the person started editing. */
  etag: string;
  changes: Schemas['GoalUpdate'];
}

export function updateGoal({ goalId, etag, changes }: UpdateGoalInput) {
  return unwrap(
    api.PATCH('/goals/{goal_id}', {
      params: {
        path: { goal_id: goalId },
        header: { 'If-Match': etag },
      },
      body: changes,
    }),
  );
}

/** A staff change asks the participant to agree again; the participant's own change is agreed. */
export function useUpdateGoal(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateGoal,
    onSuccess: async (goal) => {
      queryClient.removeQueries({ queryKey: ['plans', 'goal', goal.id] });
      await queryClient.invalidateQueries({ queryKey: planQueryKey(planId) });
    },
  });
}
