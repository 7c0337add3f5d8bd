import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { AlertSeverity, AlertSource, AlertStatus } from '../types';

import { alertKeys } from './query-keys';

/** The server-side filters of `GET /alerts`. */
export interface AlertFilters {
  status?: AlertStatus[];
  severity?: AlertSeverity;
  source?: AlertSource;
  participant_id?: string;
}

export const ALERTS_PAGE_SIZE = 50;

export function getAlerts(filters: AlertFilters, cursor?: string | null, signal?: AbortSignal) {
  return unwrap(
    api.GET('/alerts', {
      params: { query: { ...filters, limit: ALERTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export function alertsQueryOptions(filters: AlertFilters = {}) {
  return infiniteQueryOptions({
    queryKey: alertKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getAlerts(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

/** The alerts the signed-in specialist or supervisor may act on, newest first, page by page. */
export function useAlerts(filters: AlertFilters = {}) {
  return useInfiniteQuery({ ...alertsQueryOptions(filters), placeholderData: keepPreviousData });
}
