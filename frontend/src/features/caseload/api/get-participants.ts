import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap, type Schemas } from '@/lib/api-client';

import type { CaseloadFilters } from './get-caseload';

export type ParticipantRead = Schemas['ParticipantRead'];

export const PARTICIPANTS_PAGE_SIZE = 50;

/**
 * `GET /participants`: the plain list, for admins (who may read participants but have no
 * caseload: `GET /caseload` answers 403 to them). Same filters as the caseload.
 */
export function getParticipants(filters: CaseloadFilters, cursor?: string | null, signal?: AbortSignal) {
  return unwrap(
    api.GET('/participants', {
      params: { query: { ...filters, limit: PARTICIPANTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export function participantsQueryOptions(filters: CaseloadFilters = {}) {
  return infiniteQueryOptions({
    queryKey: ['participants', 'list', filters],
    queryFn: ({ pageParam, signal }) => getParticipants(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

export function useParticipants(filters: CaseloadFilters = {}) {
  return useInfiniteQuery({ ...participantsQueryOptions(filters), placeholderData: keepPreviousData });
}
