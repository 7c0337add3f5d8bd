import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { ProblemError } from '@/lib/problem';

import type { Goal } from '../types';

import { getGoal } from './get-goal';
import { planQueryKey } from './get-plan';

/** The goal changed between being shown and being agreed to: nothing was agreed. */
export function goalChangedError(): ProblemError {
  return new ProblemError({
    type: 'about:blank',
    title: 'The goal changed',
    status: 412,
    detail: 'This goal was changed since it was shown to you. Please read it again before you agree.',
  });
}

/**
 * Agrees to the goal exactly as it was shown: reads its ETag, checks it still reads the same
 * (same `updated_at`), and sends `If-Match`, so a goal changed meanwhile is never agreed to.
 */
export async function agreeToGoal(shown: Goal): Promise<Goal> {
  const current = await getGoal(shown.id);
  if (current.value.updated_at !== shown.updated_at || !current.etag) throw goalChangedError();
  return unwrap(
    api.POST('/goals/{goal_id}/agree', {
      params: {
        path: { goal_id: shown.id },
        header: { 'If-Match': current.etag },
      },
    }),
  );
}

export function useAgreeToGoal(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: agreeToGoal,
    // Also after a refusal: show the goal as it now reads.
    onSettled: () => queryClient.invalidateQueries({ queryKey: planQueryKey(planId) }),
  });
}
