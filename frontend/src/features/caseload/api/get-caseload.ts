import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

export type CaseloadEntry = Schemas['CaseloadEntry'];
export type ParticipantStatus = CaseloadEntry['status'];
export type RiskLevel = NonNullable<CaseloadEntry['risk_level']>;

/** The server-side filters of `GET /caseload` (sorting is done in the browser). */
export interface CaseloadFilters {
  q?: string;
  risk_level?: RiskLevel;
  status?: ParticipantStatus;
  specialist_id?: string;
}

export const CASELOAD_PAGE_SIZE = 50;

export function getCaseload(filters: CaseloadFilters, cursor?: string | null, signal?: AbortSignal) {
  return unwrap(
    api.GET('/caseload', {
      params: { query: { ...filters, limit: CASELOAD_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export function caseloadQueryOptions(filters: CaseloadFilters = {}) {
  return infiniteQueryOptions({
    queryKey: ['caseload', filters],
    queryFn: ({ pageParam, signal }) => getCaseload(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

/** The caseload, page by page (`fetchNextPage` follows `next_cursor`). */
export function useCaseload(filters: CaseloadFilters = {}, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    ...caseloadQueryOptions(filters),
    // A new search keeps the current rows on screen until the answer arrives: no flashing.
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
