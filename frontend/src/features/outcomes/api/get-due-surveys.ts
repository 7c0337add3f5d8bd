import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import type { DueStatus } from '../types';

import { outcomeKeys } from './query-keys';

/** The server-side filters of `GET /outcomes/due`. */
export interface DueFilters {
  status?: DueStatus[];
  /** How far ahead "coming up" reaches, in days (0 to 180; the server's default is 30). */
  horizon_days?: number;
}

export const DUE_PAGE_SIZE = 50;

export function getDueSurveys(filters: DueFilters, cursor?: string | null, signal?: AbortSignal) {
  return unwrap(
    api.GET('/outcomes/due', {
      params: { query: { ...filters, limit: DUE_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export function dueSurveysQueryOptions(filters: DueFilters = {}) {
  return infiniteQueryOptions({
    queryKey: outcomeKeys.due(filters),
    queryFn: ({ pageParam, signal }) => getDueSurveys(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

/** The surveys the caller's participants owe, soonest due first, page by page. */
export function useDueSurveys(filters: DueFilters = {}) {
  return useInfiniteQuery({ ...dueSurveysQueryOptions(filters), placeholderData: keepPreviousData });
}
