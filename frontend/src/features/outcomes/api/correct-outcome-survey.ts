import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';

import type { OutcomeSurvey, OutcomeSurveyUpdate, Versioned } from '../types';

import { outcomeKeys } from './query-keys';

export interface CorrectOutcomeSurveyInput {
  surveyId: string;
  /** The ETag of the version the person started correcting. */
  etag: string;
  changes: OutcomeSurveyUpdate;
}

export async function correctOutcomeSurvey({
  surveyId,
  etag,
  changes,
}: CorrectOutcomeSurveyInput): Promise<Versioned<OutcomeSurvey>> {
  const { value, etag: newEtag } = await unwrapVersioned(
    api
      .PATCH('/outcome-surveys/{survey_id}', {
        params: {
          path: { survey_id: surveyId },
          header: { 'If-Match': etag },
        },
        body: changes,
      }),
  );
  return { value, etag: newEtag };
}

/** Corrects some answers of a survey; a 412 means someone corrected it meanwhile. */
export function useCorrectOutcomeSurvey(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: correctOutcomeSurvey,
    onSuccess: (saved) => {
      queryClient.setQueryData(outcomeKeys.survey(saved.value.id), saved);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: outcomeKeys.surveys(participantId) }),
        queryClient.invalidateQueries({ queryKey: outcomeKeys.dueAll }),
        queryClient.invalidateQueries({ queryKey: outcomeKeys.summaryAll }),
      ]);
    },
  });
}
