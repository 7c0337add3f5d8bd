import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { outcomeKeys } from './query-keys';

// A participant takes each of the three timepoints at most once: one page holds them all.
const SURVEYS_LIMIT = 10;

export async function getOutcomeSurveys(participantId: string, signal?: AbortSignal) {
  const page = await unwrap(
    api.GET('/participants/{participant_id}/outcome-surveys', {
      params: { path: { participant_id: participantId }, query: { limit: SURVEYS_LIMIT } },
      signal,
    }),
  );
  return page.items;
}

export function outcomeSurveysQueryOptions(participantId: string) {
  return queryOptions({
    queryKey: outcomeKeys.surveys(participantId),
    queryFn: ({ signal }) => getOutcomeSurveys(participantId, signal),
  });
}

/** The participant's outcome surveys (intake, six-month follow-up, discharge), oldest first. */
export function useOutcomeSurveys(participantId: string) {
  return useQuery(outcomeSurveysQueryOptions(participantId));
}
