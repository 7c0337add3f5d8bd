import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { AssessmentCreate } from '../types';

export interface CreateAssessmentInput {
  body: AssessmentCreate;
  /** One per form submission and reused when it is retried: the server stores it once. */
  idempotencyKey: string;
}

export function createAssessment(participantId: string, { body, idempotencyKey }: CreateAssessmentInput) {
  return unwrap(
    api.POST('/participants/{participant_id}/assessments', {
      params: { path: { participant_id: participantId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );
}

/** Records a completed BARC-10 or C-SSRS screener; the answer carries its score or risk. */
export function useCreateAssessment(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAssessmentInput) => createAssessment(participantId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assessments', participantId] }),
  });
}
