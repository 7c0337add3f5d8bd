import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';

import { matchKeys } from './query-keys';

export function getCaseloadBalance(signal?: AbortSignal) {
  return unwrap(api.GET('/caseload/balance', { signal }));
}

export function caseloadBalanceQueryOptions() {
  return queryOptions({
    queryKey: matchKeys.balance(),
    queryFn: ({ signal }) => getCaseloadBalance(signal),
  });
}

/** Each specialist's caseload against its capacity, and who waits for a match (supervisors). */
export function useCaseloadBalance() {
  return useQuery(caseloadBalanceQueryOptions());
}
