import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

import { checkInsQueryKey } from './query-keys';

export type CheckInTrend = Schemas['CheckInTrendRead'];
export type CheckInTrendDay = Schemas['TrendDayRead'];

/** The browser's IANA time zone, so "a day" is the person's calendar day. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function getCheckInTrend(
  participantId: string,
  { days, tz }: { days: number; tz: string },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/participants/{participant_id}/check-ins/trend', {
      params: { path: { participant_id: participantId }, query: { days, tz } },
      signal,
    }),
  );
}

export function checkInTrendQueryOptions(participantId: string, days: number, tz = browserTimeZone()) {
  return queryOptions({
    queryKey: [...checkInsQueryKey(participantId), 'trend', { days, tz }],
    queryFn: ({ signal }) => getCheckInTrend(participantId, { days, tz }, signal),
  });
}

export function useCheckInTrend(participantId: string, days: number) {
  return useQuery({
    ...checkInTrendQueryOptions(participantId, days),
    // Keep showing the current window while another one loads (never another person's).
    placeholderData: (previous) => (previous?.participant_id === participantId ? previous : undefined),
  });
}
