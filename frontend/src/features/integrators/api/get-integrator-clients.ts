import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

export interface IntegratorClientFilters {
  /** true: revoked ones only; false: live ones only; absent: all. */
  revoked?: boolean;
}

export const INTEGRATOR_CLIENTS_PAGE_SIZE = 50;

export function getIntegratorClients(filters: IntegratorClientFilters, cursor?: string | null, signal?: AbortSignal) {
  return unwrap(
    api.GET('/integrator-clients', {
      params: { query: { ...filters, limit: INTEGRATOR_CLIENTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export function integratorClientsQueryOptions(filters: IntegratorClientFilters = {}) {
  return infiniteQueryOptions({
    queryKey: ['integrator-clients', filters],
    queryFn: ({ pageParam, signal }) => getIntegratorClients(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

/** The organisation's integrator clients, newest first, page by page. */
export function useIntegratorClients(filters: IntegratorClientFilters = {}) {
  return useInfiniteQuery({ ...integratorClientsQueryOptions(filters), placeholderData: keepPreviousData });
}
