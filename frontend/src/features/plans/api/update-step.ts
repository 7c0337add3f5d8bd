import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';
import { ProblemError } from '@/lib/problem';

import type { Plan, Step } from '../types';

import { planQueryKey } from './get-plan';
import { getStep } from './get-step';

export interface UpdateStepInput {
  /** The step as the person saw it when they acted. */
  shown: Step;
  changes: Schemas['StepUpdate'];
}

export function stepChangedError(): ProblemError {
  return new ProblemError({
    type: 'about:blank',
    title: 'The step changed',
    status: 412,
    detail: 'Someone else changed this step. The latest version is shown now: check it and try again.',
  });
}

/**
 * Reads the step's ETag (`GET /steps/{id}`), makes sure it is still the version that was shown,
 * then sends the change with `If-Match`: a change made meanwhile by someone else is never
 * overwritten (412 if it lands between the two requests).
 */
export async function updateStep({ shown, changes }: UpdateStepInput): Promise<Step> {
  const current = await getStep(shown.id);
  if (current.value.updated_at !== shown.updated_at || !current.etag) throw stepChangedError();
  return unwrap(
    api.PATCH('/steps/{step_id}', {
      params: {
        path: { step_id: shown.id },
        header: { 'If-Match': current.etag },
      },
      body: changes,
    }),
  );
}

export function useUpdateStep(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateStep,
    // Show the change at once; the plan's progress comes with the refetch.
    onSuccess: (step) =>
      queryClient.setQueryData<Plan>(planQueryKey(planId), (plan) =>
        plan && {
          ...plan,
          goals: plan.goals.map((goal) =>
            goal.id === step.goal_id
              ? { ...goal, steps: goal.steps.map((item) => (item.id === step.id ? step : item)) }
              : goal,
          ),
        },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
  });
}
