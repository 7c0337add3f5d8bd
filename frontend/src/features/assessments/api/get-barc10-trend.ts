import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { Barc10Trend } from '../types';

export async function getBarc10Trend(participantId: string, signal?: AbortSignal): Promise<Barc10Trend> {
  const trend = await unwrap(
    api.GET('/participants/{participant_id}/assessments/trend', {
      params: { path: { participant_id: participantId }, query: { instrument: 'barc10' } },
      signal,
    }),
  );
  if (trend.instrument !== 'barc10') throw new Error('Expected the BARC-10 trend');
  return trend;
}

export function barc10TrendQueryOptions(participantId: string) {
  return queryOptions({
    queryKey: ['assessments', participantId, 'trend', 'barc10'],
    queryFn: ({ signal }) => getBarc10Trend(participantId, signal),
  });
}

/** BARC-10 totals over time, oldest first, with a summary. */
export function useBarc10Trend(participantId: string) {
  return useQuery(barc10TrendQueryOptions(participantId));
}
