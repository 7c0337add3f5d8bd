import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrapVersioned } from '@/lib/api-client';

import type { OutcomeSurvey, Versioned } from '../types';

import { outcomeKeys } from './query-keys';

/** One survey with its ETag: the list carries none, and a correction needs one (If-Match). */
export async function getOutcomeSurvey(surveyId: string, signal?: AbortSignal): Promise<Versioned<OutcomeSurvey>> {
  const { value, etag } = await unwrapVersioned(
    api
      .GET('/outcome-surveys/{survey_id}', { params: { path: { survey_id: surveyId } }, signal }),
  );
  return { value, etag };
}

export function outcomeSurveyQueryOptions(surveyId: string) {
  return queryOptions({
    queryKey: outcomeKeys.survey(surveyId),
    queryFn: ({ signal }) => getOutcomeSurvey(surveyId, signal),
    // Read afresh each time a correction starts: it must be made against the latest version.
    staleTime: 0,
  });
}

export function useOutcomeSurvey(surveyId: string) {
  return useQuery(outcomeSurveyQueryOptions(surveyId));
}
