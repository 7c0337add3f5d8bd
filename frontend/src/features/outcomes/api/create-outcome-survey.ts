import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { OutcomeSurveyCreate } from '../types';

import { outcomeKeys } from './query-keys';

export interface CreateOutcomeSurveyInput {
  body: OutcomeSurveyCreate;
  /** One per submission and reused when it is retried: the server stores the survey once. */
  idempotencyKey: string;
}

export function createOutcomeSurvey(participantId: string, { body, idempotencyKey }: CreateOutcomeSurveyInput) {
  return unwrap(
    api.POST('/participants/{participant_id}/outcome-surveys', {
      params: { path: { participant_id: participantId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );
}

/**
 * Records the survey of one timepoint. The server answers 409 when that timepoint was already
 * taken, and 422 when a follow-up comes before its window opens.
 */
export function useCreateOutcomeSurvey(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOutcomeSurveyInput) => createOutcomeSurvey(participantId, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: outcomeKeys.surveys(participantId) }),
        queryClient.invalidateQueries({ queryKey: outcomeKeys.dueAll }),
        queryClient.invalidateQueries({ queryKey: outcomeKeys.summaryAll }),
      ]),
  });
}
