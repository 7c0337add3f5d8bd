import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export function getAssessmentInstruments(signal?: AbortSignal) {
  return unwrap(api.GET('/assessment-instruments', { signal }));
}

export function assessmentInstrumentsQueryOptions() {
  return queryOptions({
    queryKey: ['assessments', 'instruments'],
    queryFn: ({ signal }) => getAssessmentInstruments(signal),
    // The published instruments do not change while the app runs.
    staleTime: Infinity,
  });
}

/** The BARC-10 items and scale, and the C-SSRS screener's questions with their skip logic. */
export function useAssessmentInstruments() {
  return useQuery(assessmentInstrumentsQueryOptions());
}
